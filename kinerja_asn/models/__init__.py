from . import res_company
from . import res_config_settings
from . import hr_employee_base
from . import hr_employee
from . import kinerja_period
from . import kinerja_indicator
from . import kinerja_core_value
