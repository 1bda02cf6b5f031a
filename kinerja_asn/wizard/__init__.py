from . import kinerja_skp_return_wizard
from . import kinerja_skp_transfer_wizard
from . import kinerja_mph_wizard
from . import kinerja_skp_generate_wizard
from . import kinerja_realization_reject_wizard
from . import kinerja_evaluation_sign_wizard
from . import kinerja_cron_run_wizard
from . import kinerja_recap_wizard
