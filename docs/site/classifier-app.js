// The interactive "Classify your scheme" page. Plain browser JavaScript over
// the library's own browser build (global `SocialPrescribing`): a form over
// every fact of the scheme profile, the questions that decide the tier first,
// then the rest grouped as in the paper's tables, with a yes / no / don't know
// choice for each and every coded value in words; the classification is
// recomputed on every change and shown as a range until the answers settle
// it, next to the questions to answer next. Answers export to profile JSON and
// load back; a partial profile loads with its absent facts as don't know.
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
  function mergeInto(base, given) {
    var out = Object.assign({}, base);
    Object.keys(given).forEach(function (key) {
      var g = given[key];
      var b = out[key];
      out[key] = g !== null && typeof g === 'object' && !Array.isArray(g) && b !== null && typeof b === 'object' && !Array.isArray(b) ? mergeInto(b, g) : g;
    });
    return out;
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
      select.appendChild(el('option', { value: v, text: (fact.valueLabels && fact.valueLabels[v]) || human(v) }));
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

  // The facts the tier criteria of the default rubric read come first: they decide the tier.
  var blankProfile = SP.createUnknownProfile({ id: 'my-scheme', name: 'My scheme' })._unsafeUnwrap();
  var tierFacts = {};
  SP.classifyScheme(blankProfile)
    ._unsafeUnwrap()
    .criteria.forEach(function (c) {
      c.fieldsRead.forEach(function (f) {
        tierFacts[f] = true;
      });
    });
  var controlBoxes = {};
  function factControl(fact) {
    var box = fact.type === 'boolean' ? booleanControl(fact) : fact.type === 'enum' ? enumControl(fact) : quantityControl(fact);
    box.id = 'sp-fact-' + fact.key.replace(/\./g, '-');
    controlBoxes[fact.key] = box;
    return box;
  }
  var pathwaysBox = el('fieldset', { class: 'sp-fact', id: 'sp-fact-pathways' }, [
    el('legend', { text: 'Referral pathways' }),
    el('p', { class: 'sp-help', text: "The scheme's referral pathways: 'plus' feature 2 needs several clearly delineated pathways from different health settings (Table 2 row 2)." }),
    el('label', { for: pathwaysKnownId }, [pathwaysKnown, ' I know the scheme\u2019s pathways']),
    pathwayList,
    addPathway,
  ]);
  controlBoxes.pathways = pathwaysBox;
  var deciding = el('fieldset', { id: 'sp-group-tier' }, [
    el('legend', { text: 'Questions that decide the tier' }),
    el('p', { class: 'sp-help', text: "How people are linked to support (Kimberlee's continuum), the two funding commitments and the four 'plus' features (Dayson 2017). The other questions describe the scheme and do not change its tier." }),
  ]);
  ['kimberlee', 'plus', 'table1', 'table3', 'table4'].forEach(function (groupId) {
    SP.SCHEME_FACTS.filter(function (f) {
      return f.group === groupId && tierFacts[f.key];
    }).forEach(function (fact) {
      deciding.appendChild(factControl(fact));
      if (fact.key === 'coverage.scale') deciding.appendChild(pathwaysBox);
    });
  });
  if (!deciding.contains(pathwaysBox)) deciding.appendChild(pathwaysBox);
  form.appendChild(deciding);
  SP.FACT_GROUPS.forEach(function (group) {
    var facts = SP.SCHEME_FACTS.filter(function (f) {
      return f.group === group.id && !tierFacts[f.key];
    });
    if (facts.length === 0) return;
    var box = el('fieldset', { id: 'sp-group-' + group.id }, [el('legend', { text: group.title })]);
    facts.forEach(function (fact) {
      box.appendChild(factControl(fact));
    });
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
    // A partial profile loads: every fact it leaves out reads as don't know (as in the CSV).
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      var full = SP.createUnknownProfile({ id: idInput.value || 'my-scheme', name: nameInput.value || 'My scheme' })._unsafeUnwrap();
      full = JSON.parse(JSON.stringify(full));
      Object.keys(value).forEach(function (key) {
        var given = value[key];
        var base = full[key];
        if (given !== null && typeof given === 'object' && !Array.isArray(given) && base !== null && typeof base === 'object' && !Array.isArray(base)) {
          full[key] = mergeInto(base, given);
        } else {
          full[key] = given;
        }
      });
      value = full;
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

  /** Whether any answer differs from don't know. */
  function anyAnswer(profile) {
    if (profile.pathways !== UNKNOWN) return true;
    return controls.some(function (c) {
      return getPath(profile, c.fact.path) !== UNKNOWN;
    });
  }

  /** The decisive facts, each a link to its question, with the tier each answer would give. */
  function answerNext(c) {
    var decisive = c.decisiveFacts.filter(function (d) {
      return d.decisive;
    });
    if (decisive.length === 0) return null;
    var list = el('ol', { id: 'sp-next' });
    var shown = decisive.slice(0, 8);
    shown.forEach(function (d) {
      var key = d.fact.indexOf('pathways') === 0 ? 'pathways' : d.fact;
      var link = el('a', { href: '#sp-fact-' + key.replace(/\./g, '-'), text: d.label });
      link.addEventListener('click', function (e) {
        var box = controlBoxes[key];
        if (!box) return;
        e.preventDefault();
        box.scrollIntoView({ block: 'center' });
        var first = box.querySelector('input, select');
        if (first) first.focus();
      });
      var outcomes = d.outcomes
        .map(function (o) {
          return o.label + ': ' + SP.formatTierRange(o);
        })
        .join('; ');
      list.appendChild(el('li', { 'data-fact': d.fact }, [link, el('span', { class: 'sp-help', text: ' (' + outcomes + ')' })]));
    });
    var more = decisive.length > shown.length ? el('p', { class: 'sp-help', text: 'and ' + (decisive.length - shown.length) + ' more.' }) : null;
    return el('div', { id: 'sp-next-box' }, [el('h3', { text: 'Answer these next' }), el('p', { class: 'sp-help', text: 'These unknown facts could change the tier; the first settle it soonest.' }), list, more]);
  }

  function render(c, answered) {
    result.textContent = '';
    result.appendChild(el('h2', { text: 'Result' }));
    if (!answered) {
      // No verdict before any answer.
      result.appendChild(el('p', { class: 'sp-tier sp-none', id: 'sp-tier', 'data-tier': 'none', text: 'No answers yet' }));
      result.appendChild(el('p', { id: 'sp-highest', 'data-tier': c.highestPossibleTier, text: "Every tier from light to 'plus' is still possible. Start with the questions that decide the tier." }));
      badge.textContent = 'No answers yet';
      var first = answerNext(c);
      if (first) result.appendChild(first);
      return;
    }
    var determined = c.tier === c.highestPossibleTier;
    var tierText = SP.formatTierRange(c);
    result.appendChild(
      el('p', {
        class: 'sp-tier' + (determined ? '' : ' sp-undetermined'),
        id: 'sp-tier',
        'data-tier': determined ? c.tier : 'undetermined',
        'data-lowest': c.tier,
        text: determined ? TIER_TEXT[c.tier] : tierText,
      }),
    );
    badge.textContent = 'Tier: ' + tierText;
    var possible = determined
      ? 'Nothing you have left as "don\u2019t know" could change this.'
      : 'The known facts prove ' + SP.TIER_LABELS[c.tier] + '; what you do not know yet allows up to ' + SP.TIER_LABELS[c.highestPossibleTier] + '.';
    result.appendChild(el('p', { id: 'sp-highest', 'data-tier': c.highestPossibleTier, text: possible }));
    var next = answerNext(c);
    if (next) result.appendChild(next);
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
        ['Features required', 'Tier'],
        c.sensitivity.map(function (r) {
          return [String(r.threshold) + (r.threshold === c.plusFeatures.threshold ? ' (used)' : ''), SP.formatTierRange(r)];
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
    var profile = readProfile();
    var r = SP.classifyScheme(profile);
    if (r.isOk()) render(r.value, anyAnswer(profile));
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
