// Renders the procedure diagrams (<pre class="mermaid">) once the page has loaded; no inline script needed.
document.addEventListener("DOMContentLoaded", function () {
    if (window.mermaid) {
        window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: "neutral" });
        window.mermaid.run({ querySelector: "pre.mermaid" });
    }
});
