// The customer returns portal: find the order, choose items, see the ranked ways back, confirm, get the label or QR code.
// Every text comes from the island's `texts` (the server's resource files); every value from the API. No HTML is built
// from strings, so nothing the API or the customer sends can become markup.
//
// data-testid values a browser test relies on: lookup-order, lookup-secret, lookup-submit, lookup-error, line-<lineId>,
// qty-<lineId>, reason-<lineId>, comment-<lineId>, packaging-<lineId>, use-<lineId>, postcode, resolution, items-next,
// items-error, option-<rank>, label-mode, confirm, confirm-error, done, done-rma, label-link, qr, instructions, refund,
// return-<rma>, status, status-state, back.
(function () {
  "use strict";

  const island = JSON.parse(document.getElementById("island").textContent);
  const texts = island.texts;
  const root = document.getElementById("portal");
  const state = { token: null, orderNumber: null, order: null, items: null, location: null, resolution: "original_payment", quote: null, chosen: null, labelMode: null, confirmKey: null };

  function t(key, values) {
    let text = Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key;
    if (values) {
      for (const name of Object.keys(values)) {
        text = text.split("{" + name + "}").join(String(values[name]));
      }
    }
    return text;
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "on") {
        for (const [event, handler] of Object.entries(value)) node.addEventListener(event, handler);
      } else if (name === "text") {
        node.textContent = value;
      } else if (value === true) {
        node.setAttribute(name, "");
      } else {
        node.setAttribute(name, String(value));
      }
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const money = (amount, currency) => new Intl.NumberFormat(island.language, { style: "currency", currency }).format(amount);
  const day = (iso) => new Intl.DateTimeFormat(island.language, { weekday: "long", day: "numeric", month: "long" }).format(new Date(iso + "T12:00:00"));
  const instant = (iso) => new Intl.DateTimeFormat(island.language, { weekday: "short", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
  const km = (value) => new Intl.NumberFormat(island.language, { maximumFractionDigits: 1 }).format(value);

  // The host page learns the portal's height (to size the iframe) and the finished return, and nobody else does:
  // messages go to the one configured origin, never to "*".
  function tell(message) {
    if (island.hostOrigin && window.parent !== window) {
      window.parent.postMessage(message, island.hostOrigin);
    }
  }
  // Measured from the content, not the document: the document is at least as tall as the iframe, so reporting its
  // height would make the host grow the iframe for ever.
  if (window.ResizeObserver) {
    new ResizeObserver(() => tell({ type: "returns:height", height: Math.ceil(root.getBoundingClientRect().bottom + window.scrollY) })).observe(root);
  }

  const orderPath = () => "/orders/" + encodeURIComponent(state.orderNumber);

  async function api(method, path, body, headers) {
    const init = { method, headers: Object.assign({ Accept: "application/json" }, headers || {}) };
    if (state.token) init.headers.Authorization = "Bearer " + state.token;
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(island.api + path, init);
    } catch (error) {
      return { ok: false, status: 0, problem: { title: t("error.network") } };
    }
    const data = await response.json().catch(() => null);
    return { ok: response.ok, status: response.status, data, problem: response.ok ? null : data };
  }

  function problemText(result) {
    if (result.status === 0) return t("error.network");
    if (result.status === 429) return t("error.rate_limited");
    if (result.status === 401) return t("error.session");
    if (result.status === 502) return t("error.carrier");
    if (result.problem && Array.isArray(result.problem.errors) && result.problem.errors.length) {
      return result.problem.errors.map((e) => e.message).join(" ");
    }
    return t("error.generic");
  }

  function show(step, ...content) {
    root.replaceChildren(
      el("ol", { class: "steps", "aria-label": t("steps.label") },
        ["find", "items", "options", "done"].map((name) => el("li", { "aria-current": name === step ? "step" : null, text: t("steps." + name) }))),
      ...content.flat().filter((child) => child !== null && child !== undefined && child !== false));
    const heading = root.querySelector("h1");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  }

  // Step 1: find the order by its number and the customer's e-mail or postcode.
  function showLookup(message) {
    const order = el("input", { type: "text", id: "lookup-order", "data-testid": "lookup-order", autocomplete: "off", required: true, maxlength: 64, value: island.orderNumber || "" });
    const secret = el("input", { type: "text", id: "lookup-secret", "data-testid": "lookup-secret", autocomplete: "email", required: true, maxlength: 254 });
    const error = el("p", { class: "error", role: "alert", "data-testid": "lookup-error", text: message || "" });
    const submit = el("button", { type: "submit", "data-testid": "lookup-submit", text: t("lookup.submit") });
    const form = el("form", { novalidate: true, on: { submit: async (event) => {
      event.preventDefault();
      if (!order.value.trim() || !secret.value.trim()) {
        error.textContent = t("lookup.missing");
        return;
      }
      submit.disabled = true;
      const result = await api("POST", "/session", { orderNumber: order.value.trim(), emailOrPostcode: secret.value.trim() });
      submit.disabled = false;
      if (!result.ok) {
        error.textContent = result.status === 404 ? t("lookup.not_found") : problemText(result);
        return;
      }
      state.token = result.data.token;
      state.orderNumber = result.data.orderNumber;
      await loadOrder();
    } } },
      el("label", { for: "lookup-order", text: t("lookup.order") }), order,
      el("label", { for: "lookup-secret", text: t("lookup.secret") }), secret,
      el("p", { class: "muted", text: t("lookup.hint") }),
      error,
      el("div", { class: "actions" }, submit));
    show("find", el("h1", { text: t("lookup.title") }), el("p", { text: t("lookup.intro") }), form);
  }

  async function loadOrder() {
    const result = await api("GET", orderPath());
    if (!result.ok) {
      state.token = null;
      showLookup(problemText(result));
      return;
    }
    state.order = result.data;
    showItems();
  }

  function selectOf(id, testid, options, selected) {
    return el("select", { id, "data-testid": testid }, options.map(([value, label]) => el("option", { value, selected: value === selected, text: label })));
  }

  // Step 2: the items, how many, why, and in what state.
  function showItems(message) {
    const order = state.order;
    const previous = state.items || [];
    const rows = [];
    const lines = order.lines.map((line) => {
      const earlier = previous.find((item) => item.lineId === line.lineId);
      const name = t("category." + line.category) === "category." + line.category ? line.category : t("category." + line.category);
      const title = line.sku + " · " + name;
      if (!line.returnable) {
        return el("div", { class: "card" },
          el("h3", { text: title }),
          el("p", { class: "muted", text: t("items.not_returnable", { reason: t("decision." + line.code) === "decision." + line.code ? line.message : t("decision." + line.code) }) }));
      }
      const id = line.lineId;
      const check = el("input", { type: "checkbox", id: "line-" + id, "data-testid": "line-" + id, checked: !!earlier });
      const quantities = [];
      for (let n = 1; n <= line.returnableQuantity; n++) quantities.push([String(n), String(n)]);
      const quantity = selectOf("qty-" + id, "qty-" + id, quantities, earlier ? String(earlier.quantity) : "1");
      const reason = selectOf("reason-" + id, "reason-" + id, [["", t("items.reason_choose")]].concat(order.reasons.map((r) => [r.code, t("reason." + r.code)])), earlier ? earlier.reasonCode : "");
      const comment = el("textarea", { id: "comment-" + id, "data-testid": "comment-" + id, maxlength: 2000 });
      comment.value = earlier && earlier.comment ? earlier.comment : "";
      const packaging = selectOf("packaging-" + id, "packaging-" + id, ["sealed", "opened", "missing"].map((v) => [v, t("packaging." + v)]), earlier ? earlier.packaging : "sealed");
      const use = selectOf("use-" + id, "use-" + id, ["none", "light", "heavy"].map((v) => [v, t("use." + v)]), earlier ? earlier.signsOfUse : "none");
      const details = el("div", { class: "line-details", hidden: !earlier },
        el("div", { class: "grid2" },
          el("div", {}, el("label", { for: "qty-" + id, text: t("items.quantity") }), quantity),
          el("div", {}, el("label", { for: "reason-" + id, text: t("items.reason") }), reason)),
        el("label", { for: "comment-" + id, text: t("items.comment") }), comment,
        el("div", { class: "grid2" },
          el("div", {}, el("label", { for: "packaging-" + id, text: t("items.packaging") }), packaging),
          el("div", {}, el("label", { for: "use-" + id, text: t("items.use") }), use)));
      check.addEventListener("change", () => { details.hidden = !check.checked; });
      rows.push({ line, check, quantity, reason, comment, packaging, use });
      return el("div", { class: "card" },
        el("div", { class: "line-head" }, check, el("label", { for: "line-" + id, text: title })),
        el("p", { class: "muted", text: t("items.line_facts", { price: money(line.unitPrice, order.currency), units: line.returnableQuantity, last: line.lastDay ? day(line.lastDay) : "—" }) }),
        details);
    });

    const postcode = el("input", { type: "text", id: "postcode", "data-testid": "postcode", maxlength: 16, autocomplete: "postal-code", value: (state.location && state.location.postcode) || order.shippingPostcode || "" });
    const refundTypes = new Set(order.lines.flatMap((l) => l.refundTypes));
    const resolutions = ["original_payment", "store_credit"].filter((r) => refundTypes.has(r));
    const resolution = selectOf("resolution", "resolution", resolutions.map((r) => [r, t("resolution." + r)]), state.resolution);
    const error = el("p", { class: "error", role: "alert", "data-testid": "items-error", text: message || "" });
    const next = el("button", { type: "submit", "data-testid": "items-next", text: t("items.next") });
    const form = el("form", { novalidate: true, on: { submit: async (event) => {
      event.preventDefault();
      const chosen = rows.filter((row) => row.check.checked);
      if (chosen.length === 0) {
        error.textContent = t("items.none");
        return;
      }
      const missing = chosen.find((row) => !row.reason.value);
      if (missing) {
        error.textContent = t("items.reason_missing", { sku: missing.line.sku });
        missing.reason.focus();
        return;
      }
      state.items = chosen.map((row) => ({
        lineId: row.line.lineId,
        quantity: Number(row.quantity.value),
        reasonCode: row.reason.value,
        comment: row.comment.value.trim() || null,
        packaging: row.packaging.value,
        signsOfUse: row.use.value,
      }));
      state.location = postcode.value.trim() ? { country: order.shippingCountry, postcode: postcode.value.trim() } : null;
      state.resolution = resolution.value || "original_payment";
      next.disabled = true;
      await loadQuote(error);
      next.disabled = false;
    } } },
      lines,
      el("fieldset", {},
        el("legend", { text: t("items.where") }),
        el("label", { for: "postcode", text: t("items.postcode") }), postcode,
        resolutions.length > 1 ? [el("label", { for: "resolution", text: t("items.resolution") }), resolution] : null),
      error,
      el("div", { class: "actions" }, next));

    const returns = order.returns.length === 0 ? null : el("section", {},
      el("h2", { text: t("items.earlier") }),
      order.returns.map((r) => el("div", { class: "card" },
        el("p", {}, el("strong", { text: r.rma }), " · ", el("span", { class: "badge", text: t("state." + r.state) })),
        el("button", { type: "button", class: "secondary", "data-testid": "return-" + r.rma, text: t("items.view_return"), on: { click: () => showStatus(r.rma) } }))));

    show("items", el("h1", { text: t("items.title", { order: order.orderNumber }) }), el("p", { text: t("items.intro") }), form, returns);
  }

  function body() {
    const request = { items: state.items, resolution: state.resolution };
    if (state.location) {
      request.country = state.location.country;
      request.postcode = state.location.postcode;
    }
    return request;
  }

  async function loadQuote(error) {
    const result = await api("POST", orderPath() + "/quote", body());
    if (!result.ok) {
      error.textContent = problemText(result);
      return;
    }
    state.quote = result.data;
    state.chosen = result.data.options.length ? result.data.options[0] : null;
    state.labelMode = state.chosen ? state.chosen.preferredLabelMode : null;
    showOptions();
  }

  function placeItem(place) {
    return el("li", {},
      el("strong", { text: place.name }), " — ", t("options.distance", { km: km(place.distanceKm) }),
      place.address ? el("div", { class: "muted", text: place.address }) : null,
      el("div", { class: place.openNow ? "ok" : "muted", text: place.openNow ? t("options.open_now") : place.nextOpening ? t("options.opens", { when: instant(place.nextOpening) }) : "" }),
      place.openingHours ? el("div", { class: "muted", text: t("options.hours", { hours: place.openingHours }) }) : null);
  }

  // The nearest place in full; the others folded away, so a phone shows every option without endless scrolling.
  function placeLines(option) {
    if (option.locations.length === 0) return null;
    const [nearest, ...others] = option.locations;
    return [
      el("ul", { class: "places" }, placeItem(nearest)),
      others.length === 0 ? null : el("details", { class: "more-places" },
        el("summary", { text: t("options.more_places", { count: others.length }) }),
        el("ul", { class: "places" }, others.map(placeItem))),
    ];
  }

  // Step 3: the ranked ways back, each with its cost, places, arrival and expected refund.
  function showOptions(message) {
    const quote = state.quote;
    const currency = quote.currency;
    const error = el("p", { class: "error", role: "alert", "data-testid": "confirm-error", text: message || "" });
    if (quote.options.length === 0) {
      show("options",
        el("h1", { text: t("options.title") }),
        el("p", { text: t("options.none") }),
        el("div", { class: "actions" }, el("button", { type: "button", class: "secondary", "data-testid": "back", text: t("nav.back"), on: { click: () => showItems() } })));
      return;
    }
    const cards = quote.options.map((option) => {
      const radio = el("input", { type: "radio", name: "option", id: "option-" + option.rank, "data-testid": "option-" + option.rank, "data-key": option.key, value: option.key, checked: state.chosen && state.chosen.key === option.key });
      radio.addEventListener("change", () => {
        state.chosen = option;
        state.labelMode = option.preferredLabelMode;
        showOptions();
        const again = document.getElementById("option-" + option.rank);
        if (again) again.focus();
      });
      const fee = option.customerFee > 0 ? money(option.customerFee, currency) : t("options.free");
      return el("div", { class: "card" + (state.chosen && state.chosen.key === option.key ? " selected" : "") },
        el("div", { class: "line-head" }, radio,
          el("label", { for: "option-" + option.rank }, t("method." + option.method), option.serviceName ? " · " + option.serviceName : "")),
        el("p", {}, el("span", { class: "price", text: t("options.cost", { fee }) }), " · ", t("options.arrives", { date: day(option.expectedArrival) })),
        el("p", { "data-testid": option.rank === (state.chosen && state.chosen.rank) ? "refund" : null, text: t("options.refund", { amount: money(option.refund.payout, currency), timing: t("timing." + quote.refundTiming) }) }),
        placeLines(option));
    });

    const chosen = state.chosen;
    const modes = chosen.method === "in_store" ? [] : chosen.labelModes;
    const mode = modes.length > 1
      ? [el("label", { for: "label-mode", text: t("options.label_mode") }), selectOf("label-mode", "label-mode", modes.map((m) => [m, t("label." + m)]), state.labelMode)]
      : null;
    const confirm = el("button", { type: "submit", "data-testid": "confirm", text: t("options.confirm") });
    const form = el("form", { novalidate: true, on: { submit: async (event) => {
      event.preventDefault();
      const select = document.getElementById("label-mode");
      if (select) state.labelMode = select.value;
      // One key per confirmation: a double click or a retry after a network error continues the same return.
      state.confirmKey = state.confirmKey || (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
      confirm.disabled = true;
      const request = Object.assign(body(), { optionKey: chosen.key, labelMode: chosen.method === "in_store" ? null : state.labelMode });
      const result = await api("POST", orderPath() + "/returns", request, { "Idempotency-Key": state.confirmKey });
      confirm.disabled = false;
      if (!result.ok) {
        error.textContent = problemText(result);
        return;
      }
      state.confirmKey = null;
      tell({ type: "returns:completed", rma: result.data.rma, orderNumber: result.data.orderNumber, method: result.data.method });
      showDone(result.data);
    } } },
      el("fieldset", {}, el("legend", { text: t("options.choose") }), cards),
      mode,
      error,
      el("div", { class: "actions" },
        el("button", { type: "button", class: "secondary", "data-testid": "back", text: t("nav.back"), on: { click: () => showItems() } }),
        confirm));
    show("options", el("h1", { text: t("options.title") }), form);
  }

  function qrImage(svg, rma) {
    // The server draws the QR code; shown as an image so no markup is ever inserted.
    return el("img", { class: "qr", "data-testid": "qr", alt: t("done.qr_alt", { rma }), src: "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg) });
  }

  function instructions(ret) {
    const key = ret.method === "in_store" ? "instructions.in_store" : "instructions." + ret.method + "." + (ret.labelMode || "printed");
    return el("p", { "data-testid": "instructions", text: t(key, { rma: ret.rma }) });
  }

  // Step 4: the return is booked; the label, the QR code or the mailed-label note, and what to do next.
  function showDone(ret) {
    const currency = state.quote ? state.quote.currency : state.order.currency;
    show("done",
      el("h1", { "data-testid": "done", text: t("done.title") }),
      el("p", {}, t("done.rma"), " ", el("strong", { "data-testid": "done-rma", text: ret.rma })),
      instructions(ret),
      ret.labelUrl ? el("p", {}, el("a", { class: "button", href: ret.labelUrl, "data-testid": "label-link", target: "_blank", rel: "noopener", text: t("done.download") })) : null,
      ret.qrSvg ? qrImage(ret.qrSvg, ret.rma) : null,
      ret.labelMode === "mailed" ? el("p", { class: "ok", text: t("done.mailed") }) : null,
      ret.expectedArrival ? el("p", { text: t("done.arrival", { date: day(ret.expectedArrival.slice(0, 10)) }) }) : null,
      ret.expectedRefund ? el("p", { text: t("options.refund", { amount: money(ret.expectedRefund.payout, currency), timing: t("timing." + (state.quote ? state.quote.refundTiming : state.order.refundTiming)) }) }) : null,
      el("div", { class: "actions" },
        el("button", { type: "button", class: "secondary", "data-testid": "back", text: t("done.another"), on: { click: () => { state.items = null; loadOrder(); } } })));
  }

  // The status of an earlier return of this order.
  async function showStatus(rma) {
    const result = await api("GET", orderPath() + "/returns/" + encodeURIComponent(rma));
    if (!result.ok) {
      showItems(problemText(result));
      return;
    }
    const ret = result.data;
    show("done",
      el("h1", { "data-testid": "status", text: t("status.title", { rma: ret.rma }) }),
      el("p", {}, t("status.state"), " ", el("span", { class: "badge", "data-testid": "status-state", text: t("state." + ret.state) })),
      ret.method ? el("p", { text: t("method." + ret.method) }) : null,
      ["authorized", "label_issued"].includes(ret.state) ? instructions(ret) : null,
      ret.labelUrl && ret.state === "label_issued" ? el("p", {}, el("a", { class: "button", href: ret.labelUrl, "data-testid": "label-link", target: "_blank", rel: "noopener", text: t("done.download") })) : null,
      ret.qrSvg && ["authorized", "label_issued"].includes(ret.state) ? qrImage(ret.qrSvg, ret.rma) : null,
      ret.refunds.map((r) => el("p", { text: t("status.refund", { amount: money(r.amount, r.currency), status: t("refund." + r.status) }) })),
      el("div", { class: "actions" }, el("button", { type: "button", class: "secondary", "data-testid": "back", text: t("nav.back"), on: { click: () => loadOrder() } })));
  }

  showLookup();
})();
