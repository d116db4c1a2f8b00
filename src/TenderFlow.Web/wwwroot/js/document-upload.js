// Posts upload forms (data-upload) to the streamed API with the antiforgery token as a header (the API streams the body
// and does not look for the token in it), shows progress and the outcome, and reloads the page on success. The receipt
// goes along with the reload and is announced there: shown only until the reload, a screen reader had no time to read it.
(function () {
    var receiptKey = 'tenderflow.upload.receipt';
    var carried = null;
    try { carried = window.sessionStorage.getItem(receiptKey); window.sessionStorage.removeItem(receiptKey); } catch (e) { }
    if (carried) {
        var main = document.querySelector('main') || document.body;
        var shown = document.createElement('div');
        shown.id = 'upload-receipt';
        shown.className = 'notice notice-success';
        shown.setAttribute('role', 'status');
        main.insertBefore(shown, main.firstChild);
        // Filled after it is in the page, so the live region announces it.
        window.setTimeout(function () { shown.textContent = carried; }, 100);
    }
    document.querySelectorAll('form[data-upload]').forEach(function (form) {
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            var status = form.querySelector('[data-upload-status]');
            var progress = form.querySelector('progress');
            var data = new FormData(form);
            var token = form.dataset.token || data.get('__RequestVerificationToken');
            data.delete('__RequestVerificationToken');
            var request = new XMLHttpRequest();
            request.open('POST', form.action);
            request.setRequestHeader('RequestVerificationToken', token);
            request.setRequestHeader('Accept', 'application/json');
            request.upload.addEventListener('progress', function (e) {
                if (e.lengthComputable && progress) { progress.hidden = false; progress.value = Math.round(100 * e.loaded / e.total); }
            });
            request.addEventListener('load', function () {
                if (request.status >= 200 && request.status < 300) {
                    // Endpoints answer with a receipt, either bare or wrapped as { receipt: … }.
                    var body = JSON.parse(request.responseText);
                    var receipt = body.receipt || body;
                    status.className = 'notice notice-success';
                    status.textContent = receipt.fileName + ' (v' + receipt.version + ', SHA-256 ' + receipt.sha256.substring(0, 16) + '…)';
                    try { window.sessionStorage.setItem(receiptKey, status.textContent); } catch (e) { }
                    window.setTimeout(function () { window.location.reload(); }, 1200);
                } else {
                    var problem = {};
                    try { problem = JSON.parse(request.responseText); } catch (e) { }
                    status.className = 'notice notice-error';
                    status.setAttribute('role', 'alert');
                    status.textContent = problem.detail || ('HTTP ' + request.status);
                }
            });
            request.send(data);
        });
    });
})();
