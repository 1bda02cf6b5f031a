from . import test_employee
from . import test_period
from . import test_indicator
from . import test_access
from . import test_tour
from . import test_skp_flow
from . import test_realization
from . import test_feedback
