from . import achievement
from . import fixed_fields
from . import actions
from . import pdf_signature
