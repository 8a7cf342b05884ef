// 阳光扶贫+ public portal. Everything the server sends is shown as text (textContent), never as HTML.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  async function api(path, options) {
    let response;
    try {
      response = await fetch(path, Object.assign({ headers: { Accept: 'application/json' } }, options || {}));
    } catch (e) {
      return { error: { message: '网络连接失败，请检查网络后再试' } };
    }
    let body = {};
    try { body = await response.json(); } catch (e) { body = {}; }
    if (!response.ok) {
      const message = (body.error && body.error.message) || '服务暂时不可用，请稍后再试';
      return { error: { message, code: body.error && body.error.code, status: response.status } };
    }
    return body;
  }

  function yuan(fen) {
    const n = Number(fen);
    if (!Number.isFinite(n)) return String(fen == null ? '' : fen);
    const sign = n < 0 ? '-' : '';
    const a = Math.abs(n);
    const whole = Math.floor(a / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return sign + whole + '.' + String(a % 100).padStart(2, '0');
  }

  function pager(container, page, total, pageSize, go) {
    container.replaceChildren();
    const pages = Math.max(1, Math.ceil(total / pageSize));
    if (total === 0) return;
    if (pages === 1) {
      container.append(el('span', {}, `共 ${total} 条`));
      return;
    }
    const prev = el('button', { type: 'button', class: 'secondary' }, '上一页');
    prev.disabled = page <= 1;
    prev.addEventListener('click', () => go(page - 1));
    const next = el('button', { type: 'button', class: 'secondary' }, '下一页');
    next.disabled = page >= pages;
    next.addEventListener('click', () => go(page + 1));
    container.append(prev, el('span', {}, `第 ${page} / ${pages} 页，共 ${total} 条`), next);
  }

  // --- Tabs --------------------------------------------------------------------------------------------
  const tabs = ['home', 'policies', 'lists', 'complaint', 'lookup'];
  const loaded = {};
  function show() {
    const name = tabs.includes(location.hash.slice(1)) ? location.hash.slice(1) : 'home';
    for (const t of tabs) $(t).hidden = t !== name;
    for (const a of document.querySelectorAll('nav a')) {
      if (a.dataset.tab === name) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    if (!loaded[name]) {
      loaded[name] = true;
      ({ home: loadAnnouncements, policies: initPolicies, lists: initLists, complaint: initComplaint,
         lookup: () => {} })[name](1);
    }
  }

  // --- Articles (announcements, policies) ----------------------------------------------------------------
  function renderArticles(container, rows, tagKey) {
    container.replaceChildren();
    if (!rows.length) {
      container.append(el('p', { class: 'empty' }, '暂无内容'));
      return;
    }
    for (const r of rows) {
      const meta = [r.publishedOn ? `发布日期：${r.publishedOn}` : '', r.department || r.unit || '']
        .filter(Boolean).join('　');
      container.append(el('article', {},
        el('h3', {}, r[tagKey] ? el('span', { class: 'tag' }, r[tagKey]) : null, r.title || ''),
        el('p', { class: 'meta' }, meta),
        el('p', { class: 'body' }, r.body || '')));
    }
  }

  async function loadAnnouncements(page) {
    const data = await api(`/api/v1/public/announcements?page=${page}`);
    if (data.error) {
      $('announcements').replaceChildren(el('p', { class: 'error' }, data.error.message));
      return;
    }
    renderArticles($('announcements'), data.rows, 'categoryText');
    pager($('announcements-pager'), data.page, data.total, data.pageSize, loadAnnouncements);
  }

  async function counties() {
    if (!counties.cache) {
      const data = await api('/api/v1/public/places');
      counties.cache = data.error ? [] : data.places;
    }
    return counties.cache;
  }

  async function initPolicies() {
    for (const c of await counties()) $('policy-place').append(el('option', { value: c.id }, c.name));
    $('policy-place').addEventListener('change', () => loadPolicies(1));
    $('policy-kind').addEventListener('change', () => loadPolicies(1));
    loadPolicies(1);
  }

  async function loadPolicies(page) {
    const q = new URLSearchParams({ page: String(page) });
    if ($('policy-place').value) q.set('place', $('policy-place').value);
    if ($('policy-kind').value) q.set('kind', $('policy-kind').value);
    const data = await api(`/api/v1/public/policies?${q}`);
    if (data.error) {
      $('policy-list').replaceChildren(el('p', { class: 'error' }, data.error.message));
      return;
    }
    renderArticles($('policy-list'), data.rows, 'kindText');
    pager($('policy-pager'), data.page, data.total, data.pageSize, loadPolicies);
  }

  // --- Public lists (what the modules hand over) ----------------------------------------------------------
  let lists = [];
  const levels = ['county', 'town', 'village'];
  const levelNames = { county: '县（市、区）', town: '镇（街道）', village: '村（社区）' };

  async function initLists() {
    const data = await api('/api/v1/public/lists');
    lists = data.error ? [] : data.lists;
    if (data.error) $('list-status').textContent = data.error.message;
    for (const l of lists) $('list-name').append(el('option', { value: l.name }, l.title));
    $('list-name').addEventListener('change', buildFilters);
    buildFilters();
  }

  function currentList() {
    return lists.find((l) => l.name === $('list-name').value);
  }

  function placeSelects(filter, form) {
    const want = levels.indexOf(filter.level || 'county');
    const wrap = el('div', { class: 'place' });
    const selects = [];
    levels.forEach((level, i) => {
      const select = el('select', { id: `place-${level}`, 'data-level': level });
      select.append(el('option', { value: '' }, `请选择${levelNames[level]}`));
      select.disabled = i > 0;
      select.addEventListener('change', async () => {
        for (let j = i + 1; j < selects.length; ++j) {
          selects[j].replaceChildren(el('option', { value: '' }, `请选择${levelNames[levels[j]]}`));
          selects[j].disabled = true;
        }
        if (select.value && i + 1 < selects.length) {
          const data = await api(`/api/v1/public/places?parent=${encodeURIComponent(select.value)}`);
          if (!data.error) {
            for (const p of data.places) selects[i + 1].append(el('option', { value: p.id }, p.name));
            selects[i + 1].disabled = false;
          }
        }
        loadList(1);
      });
      selects.push(select);
      wrap.append(el('label', {}, `${levelNames[level]}${i <= want ? '' : '（可选）'}`, select));
    });
    counties().then((cs) => {
      for (const c of cs) selects[0].append(el('option', { value: c.id }, c.name));
    });
    form.append(wrap);
  }

  function buildFilters() {
    const list = currentList();
    const form = $('list-filter');
    form.replaceChildren();
    $('list-table').tHead.replaceChildren();
    $('list-table').tBodies[0].replaceChildren();
    $('list-pager').replaceChildren();
    if (!list) return;
    $('list-description').textContent = list.description || '';
    for (const f of list.filters) {
      if (f.kind === 'place') {
        placeSelects(f, form);
      } else if (f.kind === 'choice') {
        const select = el('select', { id: `filter-${f.key}`, name: f.key });
        select.append(el('option', { value: '' }, '全部'));
        for (const o of f.options || []) select.append(el('option', { value: o.value }, o.label));
        select.addEventListener('change', () => loadList(1));
        form.append(el('label', {}, f.label, select));
      } else if (f.kind === 'year') {
        const select = el('select', { id: `filter-${f.key}`, name: f.key });
        select.append(el('option', { value: '' }, '全部年度'));
        const year = new Date().getFullYear();
        for (let y = year; y > year - 5; --y) select.append(el('option', { value: String(y) }, `${y} 年`));
        select.addEventListener('change', () => loadList(1));
        form.append(el('label', {}, f.label, select));
      }
    }
    $('list-status').textContent = '请先选择地区。';
  }

  function chosenPlace(filter) {
    const want = levels.indexOf(filter.level || 'county');
    let chosen = '';
    let depth = -1;
    levels.forEach((level, i) => {
      const s = $(`place-${level}`);
      if (s && s.value) { chosen = s.value; depth = i; }
    });
    return depth >= want ? chosen : '';
  }

  async function loadList(page) {
    const list = currentList();
    if (!list) return;
    const q = new URLSearchParams({ page: String(page) });
    for (const f of list.filters) {
      if (f.kind === 'place') {
        const place = chosenPlace(f);
        if (!place) {
          $('list-status').textContent = `请选择到${levelNames[f.level || 'county']}。`;
          $('list-table').tBodies[0].replaceChildren();
          $('list-pager').replaceChildren();
          return;
        }
        q.set(f.key, place);
      } else {
        const s = $(`filter-${f.key}`);
        if (s && s.value) q.set(f.key, s.value);
      }
    }
    $('list-status').textContent = '正在查询…';
    const data = await api(`/api/v1/public/lists/${encodeURIComponent(list.name)}?${q}`);
    if (data.error) {
      $('list-status').textContent = data.error.message;
      return;
    }
    const head = el('tr');
    for (const c of list.columns) head.append(el('th', { scope: 'col' }, c.label));
    $('list-table').tHead.replaceChildren(head);
    const body = $('list-table').tBodies[0];
    body.replaceChildren();
    for (const r of data.rows) {
      const tr = el('tr');
      for (const c of list.columns) {
        const v = r[c.key];
        tr.append(el('td', c.kind === 'money' ? { class: 'money' } : {},
          v === undefined || v === null ? '' : c.kind === 'money' ? yuan(v) : String(v)));
      }
      body.append(tr);
    }
    $('list-status').textContent = data.total ? '' : '没有符合条件的记录。';
    pager($('list-pager'), data.page, data.total, data.pageSize, loadList);
  }

  // --- Complaint form -------------------------------------------------------------------------------------
  const maxFiles = 3;
  const maxBytes = 2 * 1024 * 1024;
  const fileTypes = ['image/jpeg', 'image/png', 'application/pdf'];

  function readBase64(file) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });
  }

  async function initComplaint() {
    for (const c of await counties()) $('c-unit').append(el('option', { value: c.id }, `${c.name}（县级受理）`));
    for (const r of document.querySelectorAll('input[name=mode]')) {
      r.addEventListener('change', () => {
        $('identity').hidden = document.querySelector('input[name=mode]:checked').value === 'anonymous';
      });
    }
    $('complaint-form').addEventListener('submit', submitComplaint);
    $('complaint-again').addEventListener('click', () => {
      $('complaint-form').reset();
      $('identity').hidden = false;
      $('complaint-done').hidden = true;
      $('complaint-form').hidden = false;
    });
  }

  async function submitComplaint(event) {
    event.preventDefault();
    const error = $('complaint-error');
    error.textContent = '';
    const anonymous = document.querySelector('input[name=mode]:checked').value === 'anonymous';
    const body = {
      anonymous,
      category: $('c-category').value,
      subject: $('c-subject').value.trim(),
      content: $('c-content').value.trim(),
    };
    if ($('c-unit').value) body.unit = $('c-unit').value;
    if ($('c-place').value.trim()) body.place = $('c-place').value.trim();
    if (!anonymous) {
      body.name = $('c-name').value.trim();
      if ($('c-phone').value.trim()) body.phone = $('c-phone').value.trim();
      if (!body.name) { error.textContent = '实名投诉请填写姓名，或选择匿名投诉'; $('c-name').focus(); return; }
    }
    if (!body.subject) { error.textContent = '请填写投诉事项'; $('c-subject').focus(); return; }
    if (!body.content) { error.textContent = '请填写投诉内容'; $('c-content').focus(); return; }
    const files = Array.from($('c-files').files || []);
    if (files.length > maxFiles) { error.textContent = `最多上传 ${maxFiles} 个附件`; return; }
    for (const f of files) {
      if (!fileTypes.includes(f.type)) { error.textContent = `“${f.name}”不是 JPG、PNG 或 PDF 文件`; return; }
      if (f.size > maxBytes) { error.textContent = `“${f.name}”超过 2 MB`; return; }
    }
    $('complaint-submit').disabled = true;
    try {
      if (files.length) body.files = await Promise.all(files.map(async (f) => ({ data: await readBase64(f) })));
      const data = await api('/api/v1/public/complaints', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      });
      if (data.error) { error.textContent = data.error.message; return; }
      $('complaint-code').textContent = data.code;
      $('complaint-office').textContent = `受理单位：${data.office}；登记日期：${data.receivedOn}`;
      $('complaint-form').hidden = true;
      $('complaint-done').hidden = false;
      $('complaint-done').focus();
    } catch (e) {
      error.textContent = '附件读取失败，请重新选择文件';
    } finally {
      $('complaint-submit').disabled = false;
    }
  }

  // --- Lookup ---------------------------------------------------------------------------------------------
  const lookupLabels = [
    ['stateText', '办理状态'], ['statusText', '办理状态'], ['category', '问题类别'], ['receivedOn', '登记日期'],
    ['raisedOn', '提出日期'], ['acceptedOn', '受理日期'], ['assignedOn', '交办日期'], ['replyDueOn', '回复期限'],
    ['answerDue', '答复期限'], ['repliedOn', '回复日期'], ['answeredOn', '答复日期'], ['answer', '答复意见'],
    ['resultDueOn', '办结期限'], ['resultDue', '办结期限'], ['concludedOn', '办结日期'], ['resultOn', '办结日期'],
    ['result', '调查处理结果'], ['fedBackOn', '反馈日期'], ['feedback', '反馈意见'], ['archivedOn', '归档日期'],
  ];

  async function lookup(event) {
    event.preventDefault();
    const code = $('lookup-code').value.trim().toUpperCase();
    $('lookup-error').textContent = '';
    $('lookup-result').replaceChildren();
    if (!/^(TS|QZ)[2-9A-HJ-NP-Z]{8}$/.test(code)) {
      $('lookup-error').textContent = '查询码为 TS（投诉）或 QZ（求助）加 8 位字母数字';
      return;
    }
    const path = code.startsWith('TS') ? `/api/v1/public/complaints/${code}` : `/api/v1/public/help-requests/${code}`;
    const data = await api(path);
    if (data.error) { $('lookup-error').textContent = data.error.message; return; }
    const dl = el('dl', { class: 'result' });
    dl.append(el('dt', {}, '查询码'), el('dd', {}, code));
    const seen = new Set();
    for (const [key, label] of lookupLabels) {
      if (data[key] === undefined || data[key] === null || data[key] === '' || seen.has(label + data[key])) continue;
      seen.add(label + data[key]);
      dl.append(el('dt', {}, label), el('dd', key.startsWith('state') || key === 'statusText' ? { class: 'state' } : {},
        String(data[key])));
    }
    $('lookup-result').append(dl);
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('lookup-form').addEventListener('submit', lookup);
    window.addEventListener('hashchange', show);
    show();
  });
})();
