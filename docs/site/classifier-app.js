// The interactive "Classify your scheme" page. Plain browser JavaScript over
// the library's own browser build (global `SocialPrescribing`): a form over
// every fact of the scheme profile, grouped as in the paper's tables, with a
// yes / no / don't know choice for each; the classification is recomputed on
// every change. Answers export to profile JSON and load back.
(function () {
  'use strict';
  var SP = window.SocialPrescribing;
  var mount = document.getElementById('sp-classifier');
  if (!SP || !mount) return;

  var UNKNOWN = 'unknown';
  var TIER_TEXT = { light: 'Light', holistic: 'Holistic', plus: "'Plus'" };
  var OUTCOME_TEXT = { met: 'met', not_met: 'not met', unknown: "don't know yet" };
  var ASSET_TEXT = { not_evident: 'not evident', social_prescribing: 'social prescribing', plus: "'plus'", unknown: "don't know yet" };
  var idCounter = 0;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'text') node.textContent = attrs[k];
        else if (k === 'class') node.className = attrs[k];
        else node.setAttribute(k, attrs[k]);
      });
    }
    (children || []).forEach(function (c) {
      if (c) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }
  function uid(prefix) {
    idCounter += 1;
    return 'sp-' + prefix + '-' + idCounter;
  }
  function human(value) {
    return String(value).replace(/_/g, ' ');
  }
  function getPath(obj, path) {
    return path.reduce(function (node, key) {
      return node == null ? undefined : node[key];
    }, obj);
  }
  function setPath(obj, path, value) {
    var node = obj;
    for (var i = 0; i < path.length - 1; i++) {
      if (node[path[i]] == null || typeof node[path[i]] !== 'object') node[path[i]] = {};
      node = node[path[i]];
    }
    node[path[path.length - 1]] = value;
  }

  // ---- the form -------------------------------------------------------
  var controls = []; // { fact, read(), write(value) }
  var form = el('form', { id: 'sp-form', novalidate: 'novalidate', 'aria-label': 'Scheme profile' });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
  });

  function helpFor(fact, id) {
    return el('p', { class: 'sp-help', id: id, text: fact.help });
  }

  /** A yes / no / don't know radio group; `checked` is 'true', 'false' or 'unknown'. */
  function yesNoUnknown(name, checked, attrs) {
    var choices = el('div', { class: 'sp-choices' });
    [
      ['true', 'Yes'],
      ['false', 'No'],
      [UNKNOWN, "Don't know"],
    ].forEach(function (pair) {
      var id = uid('opt');
      var input = el('input', Object.assign({ type: 'radio', name: name, id: id, value: pair[0] }, attrs));
      input.checked = checked === pair[0];
      choices.appendChild(el('label', { for: id }, [input, ' ' + pair[1]]));
    });
    return choices;
  }

  function booleanControl(fact) {
    var name = 'sp-' + fact.key.replace(/\./g, '-');
    var helpId = uid('help');
    var choices = yesNoUnknown(name, UNKNOWN, { 'data-fact': fact.key });
    var box = el('fieldset', { class: 'sp-fact', 'aria-describedby': helpId }, [el('legend', { text: fact.label }), helpFor(fact, helpId), choices]);
    controls.push({
      fact: fact,
      read: function () {
        var checked = box.querySelector('input:checked');
        var v = checked ? checked.value : UNKNOWN;
        return v === 'true' ? true : v === 'false' ? false : UNKNOWN;
      },
      write: function (value) {
        var v = value === true ? 'true' : value === false ? 'false' : UNKNOWN;
        box.querySelectorAll('input').forEach(function (i) {
          i.checked = i.value === v;
        });
      },
    });
    return box;
  }

  function enumControl(fact) {
    var id = uid('fact');
    var helpId = uid('help');
    var select = el('select', { id: id, 'aria-describedby': helpId, 'data-fact': fact.key });
    select.appendChild(el('option', { value: UNKNOWN, text: "Don't know" }));
    (fact.values || []).forEach(function (v) {
      select.appendChild(el('option', { value: v, text: human(v) }));
    });
    controls.push({
      fact: fact,
      read: function () {
        return select.value;
      },
      write: function (value) {
        select.value = value == null ? UNKNOWN : String(value);
      },
    });
    return el('div', { class: 'sp-row' }, [el('label', { for: id, text: fact.label }), ' ', select, helpFor(fact, helpId)]);
  }

  function quantityControl(fact) {
    var id = uid('fact');
    var helpId = uid('help');
    var input = el('input', { type: 'number', min: '0', step: 'any', id: id, 'aria-describedby': helpId, 'data-fact': fact.key, placeholder: "don't know" });
    controls.push({
      fact: fact,
      read: function () {
        if (input.value.trim() === '') return UNKNOWN;
        var n = Number(input.value);
        return Number.isFinite(n) ? n : UNKNOWN;
      },
      write: function (value) {
        input.value = typeof value === 'number' ? String(value) : '';
      },
    });
    var help = helpFor(fact, helpId);
    help.textContent += ' Leave empty if you do not know.';
    return el('div', { class: 'sp-row' }, [el('label', { for: id, text: fact.label }), ' ', input, help]);
  }

  // Scheme identity.
  var idInput = el('input', { type: 'text', id: 'sp-scheme-id', value: 'my-scheme', autocomplete: 'off' });
  var nameInput = el('input', { type: 'text', id: 'sp-scheme-name', value: 'My scheme', autocomplete: 'off' });
  form.appendChild(
    el('fieldset', null, [
      el('legend', { text: 'The scheme' }),
      el('div', { class: 'sp-row' }, [el('label', { for: 'sp-scheme-id', text: 'Identifier' }), ' ', idInput]),
      el('div', { class: 'sp-row' }, [el('label', { for: 'sp-scheme-name', text: 'Name' }), ' ', nameInput]),
    ]),
  );

  // Pathways (structured): known or not, then one row per pathway.
  var pathwaysKnownId = uid('pw');
  var pathwaysKnown = el('input', { type: 'checkbox', id: pathwaysKnownId });
  var pathwayList = el('div', { id: 'sp-pathways' });
  var addPathway = el('button', { type: 'button', id: 'sp-add-pathway', text: 'Add a pathway' });
  function pathwayRow(p) {
    var n = pathwayList.children.length + 1;
    var settingId = uid('pw-setting');
    var setting = el('select', { id: settingId, class: 'sp-pathway-setting' });
    setting.appendChild(el('option', { value: UNKNOWN, text: "Don't know" }));
    SP.REFERRAL_SETTINGS.forEach(function (s) {
      setting.appendChild(el('option', { value: s, text: human(s) }));
    });
    setting.value = p && p.setting ? p.setting : UNKNOWN;
    var name = uid('pw-delineated');
    var choices = yesNoUnknown(name, p ? String(p.clearlyDelineated) : UNKNOWN, { class: 'sp-pathway-delineated' });
    var remove = el('button', { type: 'button', text: 'Remove pathway ' + n });
    var row = el('fieldset', { class: 'sp-fact sp-pathway' }, [
      el('legend', { text: 'Pathway ' + n }),
      el('div', null, [el('label', { for: settingId, text: 'Setting it takes referrals from' }), ' ', setting]),
      el('fieldset', { class: 'sp-fact' }, [el('legend', { text: 'Clearly delineated (defined eligibility and referral process)?' }), choices]),
      remove,
    ]);
    remove.addEventListener('click', function () {
      row.remove();
      update();
    });
    pathwayList.appendChild(row);
  }
  addPathway.addEventListener('click', function () {
    pathwaysKnown.checked = true;
    pathwayRow(null);
    syncPathways();
    update();
  });
  pathwaysKnown.addEventListener('change', function () {
    syncPathways();
  });
  function syncPathways() {
    pathwayList.hidden = !pathwaysKnown.checked;
  }
  function readPathways() {
    if (!pathwaysKnown.checked) return UNKNOWN;
    return Array.prototype.map.call(pathwayList.children, function (row, i) {
      var d = row.querySelector('.sp-pathway-delineated:checked');
      var v = d ? d.value : UNKNOWN;
      return {
        id: 'pathway-' + (i + 1),
        setting: row.querySelector('.sp-pathway-setting').value,
        clearlyDelineated: v === 'true' ? true : v === 'false' ? false : UNKNOWN,
      };
    });
  }
  function writePathways(list) {
    pathwayList.textContent = '';
    pathwaysKnown.checked = list !== UNKNOWN;
    if (Array.isArray(list)) list.forEach(pathwayRow);
    syncPathways();
  }

  SP.FACT_GROUPS.forEach(function (group) {
    var box = el('fieldset', { id: 'sp-group-' + group.id }, [el('legend', { text: group.title })]);
    SP.SCHEME_FACTS.filter(function (f) {
      return f.group === group.id;
    }).forEach(function (fact) {
      box.appendChild(fact.kind === 'boolean' ? booleanControl(fact) : fact.kind === 'enum' ? enumControl(fact) : quantityControl(fact));
    });
    if (group.id === 'plus') {
      box.appendChild(
        el('fieldset', { class: 'sp-fact', id: 'sp-pathways-box' }, [
          el('legend', { text: 'Referral pathways' }),
          el('p', { class: 'sp-help', text: "The scheme's referral pathways: 'plus' feature 2 needs several clearly delineated pathways from different health settings (Table 2 row 2)." }),
          el('label', { for: pathwaysKnownId }, [pathwaysKnown, ' I know the scheme\u2019s pathways']),
          pathwayList,
          addPathway,
        ]),
      );
    }
    form.appendChild(box);
  });
  syncPathways();

  function readProfile() {
    var profile = { profileVersion: SP.SCHEME_PROFILE_VERSION, id: idInput.value, name: nameInput.value, pathways: readPathways() };
    controls.forEach(function (c) {
      setPath(profile, c.fact.path, c.read());
    });
    return profile;
  }
  function writeProfile(profile) {
    idInput.value = profile.id;
    nameInput.value = profile.name;
    controls.forEach(function (c) {
      c.write(getPath(profile, c.fact.path));
    });
    writePathways(profile.pathways);
  }

  // ---- import and export ---------------------------------------------
  var jsonArea = el('textarea', { id: 'sp-json', spellcheck: 'false', 'aria-describedby': 'sp-json-help' });
  var jsonHelp = el('p', { class: 'sp-help', id: 'sp-json-help', text: 'Export writes the answers as scheme-profile JSON here (and downloads a file); paste a profile here and press Load to fill in the form.' });
  var jsonStatus = el('p', { id: 'sp-json-status', role: 'status' });
  var exportButton = el('button', { type: 'button', id: 'sp-export', text: 'Export profile JSON' });
  var loadButton = el('button', { type: 'button', id: 'sp-load', text: 'Load profile JSON' });
  var fileInput = el('input', { type: 'file', id: 'sp-file', accept: 'application/json,.json' });
  var resetButton = el('button', { type: 'button', id: 'sp-reset', text: "Reset every answer to don't know" });
  var exampleButton = el('button', { type: 'button', id: 'sp-example', text: 'Fill in the Rotherham example' });

  exportButton.addEventListener('click', function () {
    var text = JSON.stringify(readProfile(), null, 2);
    jsonArea.value = text;
    try {
      var url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      var a = el('a', { href: url, download: (idInput.value || 'scheme') + '.json' });
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () {
        URL.revokeObjectURL(url);
      }, 1000);
    } catch {
      /* the JSON is in the text box either way */
    }
    jsonStatus.textContent = 'Exported.';
  });
  function loadText(text) {
    var value;
    try {
      value = JSON.parse(text);
    } catch {
      jsonStatus.textContent = 'That is not valid JSON.';
      return;
    }
    var parsed = SP.parseSchemeProfile(value);
    if (parsed.isErr()) {
      jsonStatus.textContent =
        'That is not a valid scheme profile: ' +
        parsed.error.issues
          .slice(0, 5)
          .map(function (i) {
            return i.message;
          })
          .join('; ');
      return;
    }
    writeProfile(parsed.value);
    jsonStatus.textContent = 'Loaded.';
    update();
  }
  loadButton.addEventListener('click', function () {
    loadText(jsonArea.value);
  });
  fileInput.addEventListener('change', function () {
    var file = fileInput.files && fileInput.files[0];
    if (file) file.text().then(loadText);
  });
  resetButton.addEventListener('click', function () {
    var blank = SP.createUnknownProfile({ id: idInput.value || 'my-scheme', name: nameInput.value || 'My scheme' });
    if (blank.isErr()) blank = SP.createUnknownProfile({ id: 'my-scheme', name: 'My scheme' });
    writeProfile(blank._unsafeUnwrap());
    update();
  });
  exampleButton.addEventListener('click', function () {
    writeProfile(SP.ROTHERHAM);
    update();
  });

  form.appendChild(
    el('fieldset', { id: 'sp-io' }, [
      el('legend', { text: 'Save and load answers' }),
      exportButton,
      resetButton,
      exampleButton,
      el('div', null, [el('label', { for: 'sp-json', text: 'Profile JSON' }), jsonArea, jsonHelp]),
      loadButton,
      el('label', { for: 'sp-file', text: 'or load a file: ' }),
      fileInput,
      jsonStatus,
    ]),
  );

  // ---- the result -------------------------------------------------------
  var result = el('section', { id: 'sp-result', 'aria-live': 'polite', 'aria-label': 'Classification', tabindex: '-1' });
  // A small badge that stays in view while the reader answers further down.
  var badge = el('a', { id: 'sp-badge', href: '#sp-result' });

  function table(caption, headings, rows) {
    var t = el('table', null, [el('caption', { text: caption })]);
    var head = el('tr');
    headings.forEach(function (h) {
      head.appendChild(el('th', { scope: 'col', text: h }));
    });
    t.appendChild(el('thead', null, [head]));
    var body = el('tbody');
    rows.forEach(function (r) {
      var tr = el('tr');
      r.forEach(function (cell) {
        tr.appendChild(typeof cell === 'string' ? el('td', { text: cell }) : cell);
      });
      body.appendChild(tr);
    });
    t.appendChild(body);
    return t;
  }
  function outcomeCell(outcome) {
    return el('td', { class: 'sp-' + outcome, text: OUTCOME_TEXT[outcome] });
  }

  function render(c) {
    result.textContent = '';
    result.appendChild(el('h2', { text: 'Result' }));
    result.appendChild(el('p', { class: 'sp-tier', id: 'sp-tier', 'data-tier': c.tier, text: TIER_TEXT[c.tier] }));
    badge.textContent = 'Tier: ' + TIER_TEXT[c.tier] + (c.highestPossibleTier !== c.tier ? ' (up to ' + TIER_TEXT[c.highestPossibleTier] + ')' : '');
    var possible = c.highestPossibleTier === c.tier ? 'Nothing you have left as "don\u2019t know" could change this.' : 'Could be up to ' + TIER_TEXT[c.highestPossibleTier] + ' depending on what you do not know yet.';
    result.appendChild(el('p', { id: 'sp-highest', 'data-tier': c.highestPossibleTier, text: possible }));
    result.appendChild(
      el('p', {
        text:
          'Kimberlee level: ' +
          c.level +
          (c.highestPossibleLevel !== c.level ? ' (could be up to ' + c.highestPossibleLevel + ')' : '') +
          ". 'Plus' features met: " +
          c.plusFeatures.met +
          ' of 4 (' +
          c.plusFeatures.unknown +
          " don't know yet; " +
          c.plusFeatures.threshold +
          ' needed). Both funding commitments: ' +
          OUTCOME_TEXT[c.necessaryConditions] +
          '.',
      }),
    );
    result.appendChild(
      table(
        'Criteria',
        ['Criterion', 'Outcome', 'Source'],
        c.criteria.map(function (x) {
          return [x.title, outcomeCell(x.outcome), SP.formatCitation(x.citation)];
        }),
      ),
    );
    result.appendChild(
      table(
        "Tier by number of 'plus' features required",
        ['Features required', 'Tier', 'Highest possible'],
        c.sensitivity.map(function (r) {
          return [String(r.threshold) + (r.threshold === c.plusFeatures.threshold ? ' (used)' : ''), TIER_TEXT[r.tier], TIER_TEXT[r.highestPossibleTier]];
        }),
      ),
    );
    result.appendChild(
      table(
        'Asset-based criteria (Table 3)',
        ['Criterion', 'Level shown'],
        c.assetBased.map(function (a) {
          return [a.row + '. ' + a.title, ASSET_TEXT[a.outcome]];
        }),
      ),
    );
    result.appendChild(el('p', { text: 'Collaborative innovation (Table 4): stage ' + c.innovation.stageReached + ' of 4 reached' + (c.innovation.highestPossibleStage !== c.innovation.stageReached ? ' (could be up to ' + c.innovation.highestPossibleStage + ')' : '') + '.' }));
    var md = el('pre', { id: 'sp-explanation', text: SP.explainClassification(c) });
    result.appendChild(el('details', null, [el('summary', { text: 'Full explanation (Markdown)' }), md]));
  }

  function renderErrors(error) {
    result.textContent = '';
    result.appendChild(el('h2', { text: 'Result' }));
    result.appendChild(el('p', { id: 'sp-tier', 'data-tier': 'none', text: 'Some answers need attention:' }));
    badge.textContent = 'Answers need attention';
    var list = el('ul');
    error.issues.forEach(function (i) {
      list.appendChild(el('li', { text: i.message }));
    });
    result.appendChild(list);
  }

  function update() {
    var r = SP.classifyScheme(readProfile());
    if (r.isOk()) render(r.value);
    else renderErrors(r.error);
  }

  form.addEventListener('input', update);
  form.addEventListener('change', update);

  mount.textContent = '';
  mount.appendChild(form);
  mount.appendChild(result);
  mount.appendChild(badge);
  update();
  mount.setAttribute('data-ready', 'true');
})();
