from . import achievement
