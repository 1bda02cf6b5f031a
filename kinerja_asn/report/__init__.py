from . import kinerja_skp_report
from . import kinerja_evaluation_report
from . import kinerja_penetapan_report
from . import kinerja_xlsx_abstract
from . import kinerja_skp_xlsx
from . import kinerja_realization_matrix_xlsx
from . import kinerja_unit_recap_xlsx
from . import kinerja_distribution_xlsx
