"""The logfail plugin itself: a logged warning fails a test unless the test expects it."""

import logging

pytest_plugins = ["pytester"]


def test_a_logged_warning_fails_the_test_and_an_expected_one_does_not(pytester):
    pytester.makeconftest('pytest_plugins = ["tests.helpers.logfail"]')
    pytester.makepyfile(
        """
        import logging
        import pytest

        def test_warns():
            logging.getLogger("mzdesk.gui").warning("closing with 2 tasks")

        def test_errors_in_teardown(request):
            request.addfinalizer(lambda: logging.getLogger("mzdesk").error("late"))

        @pytest.mark.allow_log_warnings
        def test_marked():
            logging.getLogger("mzdesk").warning("expected")

        def test_expected(expect_log_warnings):
            logging.getLogger("mzdesk").error("boom")
            assert [r.getMessage() for r in expect_log_warnings.records] == ["boom"]

        def test_info_is_fine():
            logging.getLogger("mzdesk").info("fine")
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:randomly", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=4, failed=1, errors=1)
    result.stdout.fnmatch_lines(["*WARNING mzdesk.gui: closing with 2 tasks*"])
    assert logging.getLogger().handlers is not None
