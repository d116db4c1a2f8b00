// Progressive enhancement of upload forms (class "upload-form"): without script the form posts to the page handler;
// with script it is sent to the API with the antiforgery header, shows a progress bar and then the receipt.
(function () {
    "use strict";
    function problemText(xhr) {
        try {
            var p = JSON.parse(xhr.responseText);
            return p.detail || p.title || xhr.statusText;
        } catch (e) {
            return xhr.statusText || String(xhr.status);
        }
    }
    document.querySelectorAll("form.upload-form").forEach(function (form) {
        form.addEventListener("submit", function (event) {
            var url = form.getAttribute("data-upload-url");
            var tokenInput = form.querySelector("input[name='__RequestVerificationToken']");
            if (!url || !tokenInput || !window.XMLHttpRequest || !window.FormData) {
                return;
            }
            event.preventDefault();
            var progress = form.querySelector(".upload-progress");
            var status = form.querySelector(".upload-status");
            var error = form.querySelector(".upload-error");
            var button = form.querySelector("button[type='submit']");
            error.textContent = "";
            status.textContent = "";
            progress.value = 0;
            progress.hidden = false;
            button.disabled = true;
            var data = new FormData(form);
            data.delete("__RequestVerificationToken");
            data.delete("applicationId");
            var xhr = new XMLHttpRequest();
            xhr.open("POST", url);
            xhr.setRequestHeader("RequestVerificationToken", tokenInput.value);
            xhr.upload.addEventListener("progress", function (e) {
                if (e.lengthComputable) {
                    progress.value = Math.round((e.loaded / e.total) * 100);
                }
            });
            xhr.addEventListener("load", function () {
                button.disabled = false;
                if (xhr.status >= 200 && xhr.status < 300) {
                    var receipt = JSON.parse(xhr.responseText);
                    progress.value = 100;
                    status.textContent = receipt.receipt.fileName + " — " + receipt.receipt.sizeBytes + " bytes — SHA-256 " + receipt.receipt.sha256;
                    var target = form.getAttribute("data-receipt-url") + "?receipt=" + encodeURIComponent(receipt.receipt.documentId) + "#receipt";
                    window.location.assign(target);
                } else {
                    progress.hidden = true;
                    error.textContent = problemText(xhr);
                }
            });
            xhr.addEventListener("error", function () {
                button.disabled = false;
                progress.hidden = true;
                error.textContent = form.getAttribute("data-network-error") || "Network error";
            });
            xhr.send(data);
        });
    });
})();
