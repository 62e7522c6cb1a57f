/*
 * The store desk page: find a web order, pick and inspect the items, preview, confirm, show the receipt.
 * Every visible text comes from the island's texts (StoreDesk/Resources/StoreDeskTexts*.resx); the page builds its DOM
 * with textContent only and has no inline script or style, as the Content-Security-Policy requires.
 *
 * Stable data-testid attributes, for browser tests:
 *   desk-query                 lookup field: order number, customer e-mail or a return's QR code (a scanner types it)
 *   desk-find                  Find button
 *   desk-results               the orders found when several match; each has a button desk-pick-<order number>
 *   desk-order                 the chosen order's section
 *   desk-open-return-<rma>     button that completes an open return created online (portal QR code)
 *   desk-clear-return          button that goes back to a new return instead
 *   desk-scan                  SKU scan field: Enter adds one unit of that SKU; desk-scan-add is its button
 *   desk-line-<sku>            "return this item" checkbox of the order line with that SKU
 *   desk-qty-<sku>             its quantity
 *   desk-reason-<sku>          its reason
 *   desk-packaging-<sku>       its packaging: sealed, opened, missing
 *   desk-use-<sku>             its signs of use: none, light, heavy
 *   desk-missing-<sku>         parts missing checkbox
 *   desk-swapped-<sku>         not the item sold checkbox
 *   desk-resolution            pay back to the original payment or as store credit
 *   desk-preview               Check and price button
 *   desk-preview-result        the preview section
 *   desk-confirm               Confirm button
 *   desk-receipt               the receipt section
 *   desk-rma                   the return number in the receipt
 *   desk-new                   Next customer button
 *   desk-error                 error messages (role=alert)
 * A SKU on several order lines gets "-<lineId>" appended to its ids from its second line on.
 */
(function () {
  'use strict';

  var island = JSON.parse(document.getElementById('island').textContent);
  var texts = island.texts;
  var lang = island.language;
  var root = document.getElementById('desk');

  var state = {
    orders: [],
    order: null,
    rma: null,
    lines: {},
    resolution: 'original_payment',
    key: null,
    busy: false
  };

  // Elements kept between renders.
  var view = {};

  function t(key, params) {
    var text = Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key;
    if (params) {
      Object.keys(params).forEach(function (name) {
        text = text.split('{' + name + '}').join(String(params[name]));
      });
    }
    return text;
  }

  function label(prefix, code) {
    var key = prefix + code;
    return Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : code;
  }

  function el(tag, attributes) {
    var node = document.createElement(tag);
    var properties = ['value', 'checked', 'disabled', 'hidden', 'type', 'min', 'max', 'selected'];
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === null || value === undefined || value === false && properties.indexOf(name) < 0) {
        return;
      }
      if (properties.indexOf(name) >= 0) {
        node[name] = value;
      } else {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    });
    for (var i = 2; i < arguments.length; i++) {
      append(node, arguments[i]);
    }
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) {
      return;
    }
    if (Array.isArray(child)) {
      child.forEach(function (c) { append(node, c); });
    } else if (typeof child === 'string' || typeof child === 'number') {
      node.appendChild(document.createTextNode(String(child)));
    } else {
      node.appendChild(child);
    }
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function money(amount, currency) {
    try {
      return new Intl.NumberFormat(lang, { style: 'currency', currency: currency }).format(amount);
    } catch (e) {
      return amount.toFixed(2) + ' ' + currency;
    }
  }

  function date(iso) {
    try {
      return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(iso));
    } catch (e) {
      return iso;
    }
  }

  function newKey() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return 'desk-' + window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return 'desk-' + Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  // ---- errors -------------------------------------------------------------------------------------------------------

  function showError(message, details) {
    clear(view.error);
    view.error.hidden = false;
    append(view.error, el('p', { 'class': 'error-title' }, message));
    if (details && details.length) {
      append(view.error, el('ul', {}, details.map(function (d) { return el('li', {}, d); })));
    }
  }

  function hideError() {
    clear(view.error);
    view.error.hidden = true;
  }

  // "items[1].quantity" -> "TEE-M, Quantity"
  function describePath(path, items) {
    var match = /^items\[(\d+)\](?:\.(\w+))?$/.exec(path || '');
    if (match && items && items[Number(match[1])]) {
      var sku = items[Number(match[1])].sku;
      var field = match[2] ? label('field.', match[2]) : '';
      return field && field !== match[2] ? sku + ', ' + field : sku;
    }
    return label('field.', path || '');
  }

  function showProblem(status, problem, items) {
    if (status === 401) {
      showError(t('error.session'));
      return;
    }
    if (status === 403) {
      showError(t('error.forbidden'));
      return;
    }
    var details = (problem && problem.errors || []).map(function (e) {
      return describePath(e.path, items) + ': ' + e.message;
    });
    if (status === 400 && details.length) {
      showError(t('error.invalid'), details);
    } else if (status === 409) {
      showError(t('error.conflict'));
    } else if (status === 502) {
      showError(t('error.refundFailed', { rma: problem && problem.rma || '' }));
    } else {
      showError(t('error.server', { status: status }), problem && problem.title ? [problem.title] : []);
    }
  }

  function call(method, url, body, headers) {
    var init = { method: method, credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    Object.keys(headers || {}).forEach(function (name) { init.headers[name] = headers[name]; });
    return fetch(url, init).then(function (response) {
      var type = response.headers.get('Content-Type') || '';
      var read = type.indexOf('json') >= 0 ? response.json() : Promise.resolve(null);
      return read.then(function (json) { return { ok: response.ok, status: response.status, json: json }; });
    });
  }

  function setBusy(button, busy, idleText) {
    state.busy = busy;
    button.disabled = busy;
    button.textContent = busy ? t('common.busy') : idleText;
    button.setAttribute('aria-busy', busy ? 'true' : 'false');
  }

  // ---- layout -------------------------------------------------------------------------------------------------------

  function build() {
    var languages = el('nav', { 'class': 'languages', 'aria-label': t('lang.label') },
      el('ul', {}, island.languages.map(function (code) {
        return el('li', {}, el('a', {
          href: '?lang=' + code,
          hreflang: code,
          lang: code,
          'aria-current': code === lang ? 'true' : null
        }, label('lang.', code)));
      })));

    view.query = el('input', { id: 'desk-query', 'data-testid': 'desk-query', type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'desk-query-hint', required: true, maxlength: '254' });
    view.find = el('button', { type: 'submit', 'data-testid': 'desk-find', 'class': 'primary' }, t('find.button'));
    var findForm = el('form', { 'class': 'find', novalidate: true },
      el('label', { 'for': 'desk-query' }, t('find.label')),
      el('p', { id: 'desk-query-hint', 'class': 'hint' }, t('find.hint')),
      el('div', { 'class': 'row' }, view.query, view.find));
    findForm.addEventListener('submit', function (event) {
      event.preventDefault();
      find();
    });

    view.results = el('div', { 'data-testid': 'desk-results', hidden: true });
    view.error = el('div', { 'class': 'error', role: 'alert', 'data-testid': 'desk-error', hidden: true });
    view.order = el('section', { 'class': 'panel', 'data-testid': 'desk-order', 'aria-labelledby': 'desk-order-heading', hidden: true });
    view.preview = el('section', { 'class': 'panel', 'data-testid': 'desk-preview-result', 'aria-labelledby': 'desk-preview-heading', hidden: true });
    view.receipt = el('section', { 'class': 'panel receipt', 'data-testid': 'desk-receipt', 'aria-labelledby': 'desk-receipt-heading', hidden: true });

    append(root, [
      el('header', { 'class': 'top' },
        el('div', {},
          el('h1', {}, t('page.title')),
          el('p', { 'class': 'store' }, t('page.store', { store: island.storeId }))),
        languages),
      el('main', {},
        el('section', { 'class': 'panel', 'aria-labelledby': 'desk-find-heading' },
          el('h2', { id: 'desk-find-heading' }, t('find.heading')),
          findForm,
          view.results),
        view.error,
        view.order,
        view.preview,
        view.receipt)
    ]);
    view.query.focus();
  }

  // ---- find ---------------------------------------------------------------------------------------------------------

  function find() {
    var query = view.query.value.trim();
    hideError();
    if (!query) {
      showError(t('error.query'));
      view.query.focus();
      return;
    }
    if (state.busy) {
      return;
    }
    setBusy(view.find, true, t('find.button'));
    call('GET', island.api + '/orders?query=' + encodeURIComponent(query)).then(function (answer) {
      setBusy(view.find, false, t('find.button'));
      if (!answer.ok) {
        showProblem(answer.status, answer.json);
        return;
      }
      found(query, answer.json);
    }, function () {
      setBusy(view.find, false, t('find.button'));
      showError(t('error.network'));
    });
  }

  function found(query, lookup) {
    state.orders = lookup.orders;
    clear(view.results);
    view.results.hidden = true;
    view.receipt.hidden = true;
    view.preview.hidden = true;
    if (lookup.orders.length === 0) {
      view.order.hidden = true;
      showError(t('find.none', { query: query }));
      view.query.select();
      return;
    }
    if (lookup.return && !lookup.return.open) {
      showError(t('find.returnClosed', { rma: lookup.return.rma, state: label('state.', lookup.return.state) }));
    }
    if (lookup.orders.length === 1) {
      choose(lookup.orders[0], lookup.return && lookup.return.open ? lookup.return : null);
      return;
    }
    view.order.hidden = true;
    append(view.results, [
      el('p', {}, t('find.many', { count: lookup.orders.length })),
      el('ul', { 'class': 'choices' }, lookup.orders.map(function (order) {
        var pick = el('button', { type: 'button', 'data-testid': 'desk-pick-' + order.number },
          t('find.pick', { number: order.number, date: date(order.placedAt) }));
        pick.addEventListener('click', function () {
          view.results.hidden = true;
          choose(order, null);
        });
        return el('li', {}, pick);
      }))
    ]);
    view.results.hidden = false;
    view.results.querySelector('button').focus();
  }

  // ---- order and items ----------------------------------------------------------------------------------------------

  function testId(line) {
    var earlier = state.order.lines.filter(function (l) { return l.sku === line.sku; });
    return earlier[0] === line ? line.sku : line.sku + '-' + line.lineId;
  }

  function choose(order, openReturn) {
    state.order = order;
    state.rma = null;
    state.lines = {};
    state.resolution = 'original_payment';
    order.lines.forEach(function (line) {
      state.lines[line.lineId] = { selected: false, quantity: 1, reason: '', packaging: 'sealed', use: 'none', missing: false, swapped: false };
    });
    if (openReturn) {
      useReturn(openReturn);
    }
    renderOrder();
    document.getElementById('desk-order-heading').focus();
  }

  function useReturn(openReturn) {
    state.rma = openReturn.rma;
    Object.keys(state.lines).forEach(function (id) { state.lines[id].selected = false; });
    openReturn.lines.forEach(function (returned) {
      var line = state.lines[returned.lineId];
      if (line) {
        line.selected = true;
        line.quantity = returned.quantity;
        line.reason = returned.reasonCode;
        line.packaging = returned.packaging || 'sealed';
        line.use = returned.signsOfUse || 'none';
      }
    });
  }

  function stale() {
    // Anything changed after a preview makes it stale: it must be previewed (and keyed) again.
    state.key = null;
    view.preview.hidden = true;
  }

  function renderOrder() {
    var order = state.order;
    clear(view.order);
    view.order.hidden = false;

    append(view.order, [
      el('h2', { id: 'desk-order-heading', tabindex: '-1' }, t('order.heading', { number: order.number })),
      el('p', { 'class': 'meta' }, t('order.placed', { date: date(order.placedAt) }))
    ]);

    if (order.openReturns.length) {
      append(view.order, [
        el('h3', {}, t('order.openReturns')),
        el('ul', { 'class': 'returns' }, order.openReturns.map(function (r) {
          var use = el('button', { type: 'button', 'data-testid': 'desk-open-return-' + r.rma }, t('order.useReturn', { rma: r.rma }));
          use.addEventListener('click', function () {
            useReturn(r);
            stale();
            renderOrder();
            document.getElementById('desk-return-note').focus();
          });
          return el('li', {},
            el('span', {}, r.rma + ' · ' + label('state.', r.state) + ' · ' +
              r.lines.map(function (l) { return t('order.returnLine', { quantity: l.quantity, sku: l.sku }); }).join(', ')),
            ' ', use);
        }))
      ]);
    }

    if (state.rma) {
      var clearReturn = el('button', { type: 'button', 'data-testid': 'desk-clear-return' }, t('order.clearReturn'));
      clearReturn.addEventListener('click', function () {
        state.rma = null;
        stale();
        renderOrder();
      });
      append(view.order, el('div', { id: 'desk-return-note', 'class': 'note', tabindex: '-1' },
        el('p', {}, t('order.completing', { rma: state.rma })), clearReturn));
    }

    // The scanner types the SKU and presses Enter.
    var scan = el('input', { id: 'desk-scan', 'data-testid': 'desk-scan', type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'desk-scan-hint', maxlength: '128' });
    var scanForm = el('form', { 'class': 'scan', novalidate: true },
      el('label', { 'for': 'desk-scan' }, t('scan.label')),
      el('p', { id: 'desk-scan-hint', 'class': 'hint' }, t('scan.hint')),
      el('div', { 'class': 'row' }, scan, el('button', { type: 'submit', 'data-testid': 'desk-scan-add' }, t('scan.button'))));
    scanForm.addEventListener('submit', function (event) {
      event.preventDefault();
      scanned(scan.value.trim());
      scan.value = '';
      scan.focus();
    });

    view.lines = el('div', { 'class': 'lines' });
    var resolution = el('select', { id: 'desk-resolution', 'data-testid': 'desk-resolution' },
      ['original_payment', 'store_credit'].map(function (code) {
        return el('option', { value: code, selected: state.resolution === code }, label('resolution.', code));
      }));
    resolution.value = state.resolution;
    resolution.addEventListener('change', function () {
      state.resolution = resolution.value;
      stale();
    });
    var preview = el('button', { type: 'button', 'data-testid': 'desk-preview', 'class': 'primary' }, t('preview.button'));
    preview.addEventListener('click', function () { runPreview(preview); });

    append(view.order, [
      scanForm,
      el('h3', {}, t('order.items')),
      view.lines,
      el('div', { 'class': 'field' }, el('label', { 'for': 'desk-resolution' }, t('resolution.label')), resolution),
      el('div', { 'class': 'actions' }, preview)
    ]);
    renderLines();
  }

  function renderLines() {
    var order = state.order;
    clear(view.lines);
    order.lines.forEach(function (line) {
      var chosen = state.lines[line.lineId];
      var id = testId(line);
      var domId = 'desk-l' + order.lines.indexOf(line);
      var available = line.unitsLeft > 0 || chosen.selected;
      var max = Math.max(line.unitsLeft, chosen.quantity);

      var selected = el('input', { type: 'checkbox', id: domId + '-on', 'data-testid': 'desk-line-' + id, checked: chosen.selected, disabled: !available });
      var quantity = el('input', { type: 'number', id: domId + '-qty', 'data-testid': 'desk-qty-' + id, min: 1, max: max, value: String(chosen.quantity), inputmode: 'numeric', disabled: !chosen.selected });
      var reason = el('select', { id: domId + '-reason', 'data-testid': 'desk-reason-' + id, disabled: !chosen.selected },
        el('option', { value: '', selected: !chosen.reason }, t('reason.choose')),
        island.reasons.map(function (code) {
          return el('option', { value: code, selected: chosen.reason === code }, label('reason.', code));
        }));
      var packaging = el('select', { id: domId + '-packaging', 'data-testid': 'desk-packaging-' + id, disabled: !chosen.selected },
        ['sealed', 'opened', 'missing'].map(function (code) {
          return el('option', { value: code, selected: chosen.packaging === code }, label('packaging.', code));
        }));
      var use = el('select', { id: domId + '-use', 'data-testid': 'desk-use-' + id, disabled: !chosen.selected },
        ['none', 'light', 'heavy'].map(function (code) {
          return el('option', { value: code, selected: chosen.use === code }, label('use.', code));
        }));
      var missing = el('input', { type: 'checkbox', id: domId + '-missing', 'data-testid': 'desk-missing-' + id, checked: chosen.missing, disabled: !chosen.selected });
      var swapped = el('input', { type: 'checkbox', id: domId + '-swapped', 'data-testid': 'desk-swapped-' + id, checked: chosen.swapped, disabled: !chosen.selected });

      // Set after the options exist: an option's selectedness before it joins its select is not reliable everywhere.
      reason.value = chosen.reason;
      packaging.value = chosen.packaging;
      use.value = chosen.use;

      selected.addEventListener('change', function () {
        chosen.selected = selected.checked;
        stale();
        renderLines();
        document.getElementById(domId + (chosen.selected ? '-qty' : '-on')).focus();
      });
      quantity.addEventListener('change', function () {
        var value = parseInt(quantity.value, 10);
        chosen.quantity = isNaN(value) ? 1 : Math.min(Math.max(value, 1), max);
        quantity.value = String(chosen.quantity);
        stale();
      });
      reason.addEventListener('change', function () { chosen.reason = reason.value; stale(); });
      packaging.addEventListener('change', function () { chosen.packaging = packaging.value; stale(); });
      use.addEventListener('change', function () { chosen.use = use.value; stale(); });
      missing.addEventListener('change', function () { chosen.missing = missing.checked; stale(); });
      swapped.addEventListener('change', function () { chosen.swapped = swapped.checked; stale(); });

      var facts = t('line.ordered', { quantity: line.quantity, price: money(line.unitPrice, order.currency) }) + ' · ' +
        (line.unitsLeft > 0 ? t('line.left', { count: line.unitsLeft }) : t('line.none'));

      append(view.lines, el('fieldset', { 'class': chosen.selected ? 'line selected' : 'line' },
        el('legend', {}, line.sku),
        el('p', { 'class': 'meta' }, facts),
        el('div', { 'class': 'check' }, selected, el('label', { 'for': domId + '-on' }, t('line.select', { sku: line.sku }))),
        el('div', { 'class': 'grid' },
          el('div', { 'class': 'field' }, el('label', { 'for': domId + '-qty' }, t('line.quantity')), quantity),
          el('div', { 'class': 'field' }, el('label', { 'for': domId + '-reason' }, t('line.reason')), reason),
          el('div', { 'class': 'field' }, el('label', { 'for': domId + '-packaging' }, t('line.packaging')), packaging),
          el('div', { 'class': 'field' }, el('label', { 'for': domId + '-use' }, t('line.use')), use)),
        el('div', { 'class': 'checks' },
          el('div', { 'class': 'check' }, missing, el('label', { 'for': domId + '-missing' }, t('line.missingParts'))),
          el('div', { 'class': 'check' }, swapped, el('label', { 'for': domId + '-swapped' }, t('line.swapped'))))));
    });
  }

  function scanned(sku) {
    hideError();
    if (!sku) {
      return;
    }
    var matches = state.order.lines.filter(function (l) { return l.sku.toLowerCase() === sku.toLowerCase(); });
    if (!matches.length) {
      showError(t('scan.unknown', { sku: sku }));
      return;
    }
    // The first line of that SKU with a unit left takes it.
    var target = null;
    matches.some(function (line) {
      var chosen = state.lines[line.lineId];
      if (!chosen.selected && line.unitsLeft > 0) {
        chosen.selected = true;
        chosen.quantity = 1;
        target = line;
      } else if (chosen.selected && chosen.quantity < line.unitsLeft) {
        chosen.quantity += 1;
        target = line;
      }
      return target !== null;
    });
    if (!target) {
      showError(t('scan.full', { sku: matches[0].sku }));
      return;
    }
    stale();
    renderLines();
  }

  function items() {
    return state.order.lines.filter(function (l) { return state.lines[l.lineId].selected; }).map(function (line) {
      var chosen = state.lines[line.lineId];
      return {
        sku: line.sku,
        lineId: line.lineId,
        quantity: chosen.quantity,
        reasonCode: chosen.reason,
        packaging: chosen.packaging,
        signsOfUse: chosen.use,
        missingParts: chosen.missing,
        itemSwapped: chosen.swapped
      };
    });
  }

  function body() {
    var request = { orderNumber: state.order.number, resolution: state.resolution, items: items() };
    if (state.rma) {
      request.rma = state.rma;
    }
    return request;
  }

  // ---- preview and confirm ------------------------------------------------------------------------------------------

  function runPreview(button) {
    hideError();
    var request = body();
    if (!request.items.length) {
      showError(t('error.select'));
      return;
    }
    var unexplained = request.items.filter(function (i) { return !i.reasonCode; });
    if (unexplained.length) {
      showError(t('error.reason'), unexplained.map(function (i) { return i.sku; }));
      return;
    }
    if (state.busy) {
      return;
    }
    setBusy(button, true, t('preview.button'));
    call('POST', island.api + '/preview', request).then(function (answer) {
      setBusy(button, false, t('preview.button'));
      if (!answer.ok) {
        showProblem(answer.status, answer.json, request.items);
        return;
      }
      state.key = newKey();
      renderPreview(answer.json, request);
    }, function () {
      setBusy(button, false, t('preview.button'));
      showError(t('error.network'));
    });
  }

  function tenderName(tender) {
    return label('tender.', tender.kind) + (tender.reference ? ' ' + tender.reference : '');
  }

  function lineList(lines) {
    return el('ul', { 'class': 'outcomes' }, lines.map(function (line) {
      var where = line.keptInStore ? t('preview.kept', { site: line.siteId }) : t('preview.sent', { site: line.siteId });
      return el('li', {},
        el('p', {}, el('strong', {}, t('order.returnLine', { quantity: line.quantity, sku: line.sku })), ' · ',
          t('preview.grade', { grade: line.grade, meaning: label('grade.', line.grade) })),
        el('p', { 'class': line.keptInStore ? 'badge kept' : 'badge sent' }, where +
          (line.disposition ? ' · ' + label('disposition.', line.disposition) : '')),
        line.deductionPercent > 0 ? el('p', {}, t('preview.deduction', { percent: line.deductionPercent })) : null,
        el('p', { 'class': 'meta' }, line.explanation));
    }));
  }

  function refundSummary(refund) {
    return el('div', { 'class': 'refund' },
      el('ul', {}, refund.tenders.map(function (tender) {
        return el('li', {}, t('preview.tender', { tender: tenderName(tender), amount: money(tender.amount, refund.currency) }));
      })),
      refund.returnFee > 0 ? el('p', {}, t('preview.fee', { amount: money(refund.returnFee, refund.currency) })) : null,
      refund.deductions > 0 ? el('p', {}, t('preview.deductions', { amount: money(refund.deductions, refund.currency) })) : null,
      refund.amountDue > 0 ? el('p', {}, t('preview.due', { amount: money(refund.amountDue, refund.currency) })) : null,
      el('p', { 'class': 'total' }, t('preview.total', { amount: money(refund.payout, refund.currency) })));
  }

  function renderPreview(preview, request) {
    clear(view.preview);
    view.preview.hidden = false;
    var confirm = el('button', { type: 'button', 'data-testid': 'desk-confirm', 'class': 'primary' }, t('confirm.button'));
    confirm.addEventListener('click', function () { runConfirm(confirm, request); });
    append(view.preview, [
      el('h2', { id: 'desk-preview-heading', tabindex: '-1' }, t('preview.heading')),
      lineList(preview.lines),
      el('h3', {}, t('preview.refund')),
      preview.refunds.length ? preview.refunds.map(refundSummary) : el('p', {}, t('preview.noRefund')),
      el('div', { 'class': 'actions' }, confirm)
    ]);
    document.getElementById('desk-preview-heading').focus();
  }

  function runConfirm(button, request) {
    hideError();
    if (state.busy || !state.key) {
      return;
    }
    // The key stays the same until the return is previewed again, so a retry after a lost answer refunds once.
    var key = state.key;
    setBusy(button, true, t('confirm.button'));
    call('POST', island.api + '/confirm', request, { 'Idempotency-Key': key }).then(function (answer) {
      setBusy(button, false, t('confirm.button'));
      if (!answer.ok) {
        showProblem(answer.status, answer.json, request.items);
        return;
      }
      renderReceipt(answer.json);
    }, function () {
      setBusy(button, false, t('confirm.button'));
      showError(t('error.network'));
    });
  }

  function renderReceipt(receipt) {
    view.order.hidden = true;
    view.preview.hidden = true;
    clear(view.receipt);
    view.receipt.hidden = false;
    var next = el('button', { type: 'button', 'data-testid': 'desk-new', 'class': 'primary' }, t('receipt.new'));
    next.addEventListener('click', reset);
    var refunds = [];
    receipt.refunds.forEach(function (refund) {
      refund.tenders.forEach(function (tender) {
        var key = refund.status === 'succeeded' ? 'receipt.refunded' : refund.status === 'failed' ? 'receipt.failed' : 'receipt.pending';
        refunds.push(el('li', {}, t(key, { tender: tenderName(tender), amount: money(tender.amount, refund.currency) })));
      });
      if (refund.amountDue > 0) {
        refunds.push(el('li', {}, t('preview.due', { amount: money(refund.amountDue, refund.currency) })));
      }
    });
    append(view.receipt, [
      el('h2', { id: 'desk-receipt-heading', tabindex: '-1' }, t('receipt.heading')),
      el('p', {}, t('receipt.rma'), ' ', el('strong', { 'data-testid': 'desk-rma', 'class': 'rma' }, receipt.rma)),
      el('p', {}, t('receipt.state', { state: label('state.', receipt.state) })),
      refunds.length ? el('ul', { 'class': 'refunds' }, refunds) : null,
      el('h3', {}, t('receipt.items')),
      lineList(receipt.lines),
      el('div', { 'class': 'actions' }, next)
    ]);
    document.getElementById('desk-receipt-heading').focus();
  }

  function reset() {
    state.orders = [];
    state.order = null;
    state.rma = null;
    state.lines = {};
    state.key = null;
    hideError();
    view.receipt.hidden = true;
    view.order.hidden = true;
    view.preview.hidden = true;
    view.results.hidden = true;
    view.query.value = '';
    view.query.focus();
  }

  build();
}());
