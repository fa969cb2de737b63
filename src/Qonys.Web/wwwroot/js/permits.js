// Permit forms: move the keyboard focus to the error summary after a failed submission, so screen-reader and
// keyboard users hear the errors first. The forms work without this script.
document.addEventListener('DOMContentLoaded', function () {
    var summary = document.getElementById('error-summary');
    if (summary) summary.focus();
});
