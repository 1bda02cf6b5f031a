import shutil

from odoo.tests import HttpCase, tagged


def _browser_available():
    return any(shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"))


class KinerjaTourCase(HttpCase):
    """Base for the browser tours: a missing Chromium is a failure, not a skip."""

    def start_tour(self, *args, **kwargs):
        self.assertTrue(_browser_available(), "Chromium is required for the browser tours: run `make setup`.")
        return super().start_tour(*args, **kwargs)


@tagged("post_install", "-at_install")
class TestKinerjaTour(KinerjaTourCase):
    def test_tour_open_kinerja_app(self):
        """An officer opens the Kinerja app and adds an indicator to the library."""
        self.start_tour("/odoo", "kinerja_asn_open_app", login="admin")
        indicator = self.env["kinerja.indicator"].search([("code", "=", "TOUR-01")])
        self.assertEqual(indicator.name, "Cakupan pemeriksaan ibu hamil")
        self.assertEqual(indicator.aggregation, "sum")
