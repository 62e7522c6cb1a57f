// The shop's side of the embedding: size the iframe to the portal's height and show the booked return. Messages are
// accepted only from the portal's origin; the portal sends them only to this shop's origin.
(function () {
  "use strict";
  const frame = document.getElementById("returns-portal");
  const portalOrigin = frame.getAttribute("data-portal-origin");
  const banner = document.getElementById("shop-completed");
  window.addEventListener("message", (event) => {
    if (event.origin !== portalOrigin || event.source !== frame.contentWindow || !event.data) return;
    if (event.data.type === "returns:height" && Number.isFinite(event.data.height)) {
      frame.style.height = Math.max(320, Math.min(event.data.height + 16, 10000)) + "px";
    } else if (event.data.type === "returns:completed" && typeof event.data.rma === "string") {
      banner.textContent = "Return " + event.data.rma + " is booked for order " + event.data.orderNumber + ".";
      banner.hidden = false;
    }
  });
})();
