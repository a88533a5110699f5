"""The fuzzing suite's shared set-up: a real exported PDF (made once), and the counts of
every campaign printed at the end of the run (see fuzzing.py for CXMAPPER_FUZZ)."""

import pytest
from fuzzing import summary_lines


@pytest.fixture(scope="session")
def exported_pdf() -> bytes:
    """A PDF exported by cxmapper's own exporter from a template: the map attached, pages and
    report included (what users share)."""
    from cxmapper.export.paper import PdfOptions
    from cxmapper.export.pdf import export_pdf
    from cxmapper.model.templates import load_template

    return export_pdf(load_template("car-service-visit"), PdfOptions(page_size="A4"))


def pytest_terminal_summary(terminalreporter):
    lines = summary_lines()
    if lines:
        terminalreporter.section("cxmapper fuzzing: inputs per campaign")
        for line in lines:
            terminalreporter.write_line(line)
