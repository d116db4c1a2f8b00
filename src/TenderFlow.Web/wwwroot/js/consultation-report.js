// Posts a report upload to the API with the antiforgery token as a header (the API streams the body and does not
// look for the token in it), shows the server's message on failure and reloads the page on success.
document.querySelectorAll("form[data-upload]").forEach(function (form) {
    form.addEventListener("submit", async function (event) {
        event.preventDefault();
        var status = form.querySelector("[data-upload-status]");
        var data = new FormData(form);
        var token = data.get("__RequestVerificationToken");
        data.delete("__RequestVerificationToken");
        status.textContent = "…";
        try {
            var response = await fetch(form.action, { method: "POST", body: data, headers: { "RequestVerificationToken": token }, credentials: "same-origin" });
            if (response.ok) {
                window.location.reload();
                return;
            }
            var problem = await response.json().catch(function () { return null; });
            status.textContent = (problem && problem.detail) || response.statusText;
        } catch (e) {
            status.textContent = String(e);
        }
    });
});
