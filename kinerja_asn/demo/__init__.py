from . import kinerja_demo
