namespace GpConnect.Conformance.Reporting.Html;

/// <summary>The report's inline stylesheet and script (no network access: the file opens from disk).</summary>
internal static class HtmlAssets
{
    public const string Css = """
        :root { --pass:#1b7f3b; --fail:#b3261e; --skip:#6b6b6b; --na:#8a8a8a; --waive:#9a6700; --bg:#f7f7f8; --line:#d9d9de; --ink:#1d1d1f; }
        * { box-sizing: border-box; }
        body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--ink); background:var(--bg); }
        header, main > section { background:#fff; margin:12px 16px; padding:12px 16px; border:1px solid var(--line); border-radius:8px; }
        h1 { font-size:20px; margin:0 0 8px; } h2 { font-size:16px; margin:0 0 8px; } h3 { font-size:14px; margin:12px 0 6px; }
        table { border-collapse:collapse; width:100%; } th, td { text-align:left; padding:3px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
        th { background:#f0f0f3; font-weight:600; } td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
        .meta td:first-child { width:14em; color:#555; } .meta pre { margin:0; }
        .banner { background:#fff4e5; border:1px solid var(--waive); color:#5a3d00; padding:8px 12px; border-radius:6px; margin:8px 0; font-weight:600; }
        .totals { display:flex; gap:8px; flex-wrap:wrap; margin-top:8px; }
        .chip { display:inline-block; padding:2px 10px; border-radius:999px; border:1px solid var(--line); background:#fff; color:inherit; text-decoration:none; font-weight:600; }
        .badge { display:inline-block; min-width:5.5em; text-align:center; padding:1px 6px; border-radius:4px; color:#fff; font-size:12px; font-weight:700; }
        .b-passed { background:var(--pass); } .b-failed { background:var(--fail); } .b-skipped { background:var(--skip); }
        .b-notApplicable { background:var(--na); } .b-waived { background:var(--waive); }
        .c-failed { color:var(--fail); } .c-passed { color:var(--pass); } .c-waived { color:var(--waive); }
        .grid { display:grid; grid-template-columns:repeat(auto-fit,minmax(420px,1fr)); gap:12px 24px; }
        .grid td:first-child { white-space:nowrap; } .grid th, .grid td { padding:3px 6px; }
        .filters { position:sticky; top:0; z-index:2; display:flex; flex-wrap:wrap; gap:10px 16px; align-items:center; }
        .filters label { white-space:nowrap; } .filters input[type=text], .filters input[list], .filters select { padding:3px 6px; }
        .scn { border:1px solid var(--line); border-left:6px solid var(--skip); border-radius:6px; margin:6px 0; background:#fff; }
        .scn.st-failed { border-left-color:var(--fail); } .scn.st-passed { border-left-color:var(--pass); } .scn.st-waived { border-left-color:var(--waive); }
        .scn.st-notApplicable { border-left-color:var(--na); }
        .scn > summary { cursor:pointer; padding:6px 10px; list-style-position:inside; }
        .scn > summary .name { font-weight:600; } .scn > summary .why { display:block; margin-left:6.5em; color:var(--fail); font-size:13px; }
        .scn.st-waived > summary .why, .scn.st-skipped > summary .why, .scn.st-notApplicable > summary .why { color:#555; }
        .scn .body { padding:4px 14px 12px; border-top:1px solid var(--line); }
        .small { color:#666; font-size:12px; } .tag { display:inline-block; background:#eef; border-radius:4px; padding:0 5px; margin:0 3px 2px 0; font-size:12px; color:#334; }
        .failure { background:#fdecea; border:1px solid #f3b8b3; border-radius:6px; padding:8px 10px; margin:8px 0; }
        .failure.soft { background:#f4f4f6; border-color:var(--line); }
        .steps { margin:4px 0; padding-left:22px; } .steps li { margin:2px 0; }
        .step-status { font-size:11px; font-weight:700; text-transform:uppercase; margin-right:6px; }
        .s-Passed { color:var(--pass); } .s-Failed, .s-Undefined, .s-Ambiguous { color:var(--fail); } .s-Skipped, .s-Pending { color:var(--skip); }
        pre { background:#f6f8fa; border:1px solid var(--line); border-radius:4px; padding:6px 8px; overflow:auto; max-height:480px; white-space:pre-wrap; word-break:break-word; font:12px/1.4 ui-monospace,Menlo,Consolas,monospace; }
        details.http, details.text { border:1px solid var(--line); border-radius:6px; margin:6px 0; padding:0 8px; }
        details.http > summary, details.text > summary { cursor:pointer; padding:4px 0; font-family:ui-monospace,Menlo,Consolas,monospace; font-size:12.5px; }
        .http-ok { color:var(--pass); } .http-bad { color:var(--fail); }
        .cols { display:grid; grid-template-columns:1fr 1fr; gap:10px; } @media (max-width:900px) { .cols { grid-template-columns:1fr; } }
        .hdrs td { font-family:ui-monospace,Menlo,Consolas,monospace; font-size:12px; } .hdrs td:first-child { white-space:nowrap; width:1%; }
        .hdrs td:last-child { word-break:break-all; }
        a { color:#0b57d0; } [hidden] { display:none !important; }
        #count { font-weight:600; }
        """;

    public const string Script = """
        (function () {
          'use strict';
          var scenarios = Array.prototype.slice.call(document.querySelectorAll('.scn'));
          var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name=status]'));
          var useCase = document.getElementById('f-usecase');
          var ticket = document.getElementById('f-ticket');
          var tag = document.getElementById('f-tag');
          var text = document.getElementById('f-text');
          var count = document.getElementById('count');
          var writing = false;

          function has(list, value) { return (' ' + list + ' ').indexOf(' ' + value.toLowerCase() + ' ') >= 0; }

          function apply() {
            var statuses = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
            var uc = useCase.value, tk = ticket.value, tg = tag.value.trim().toLowerCase(), q = text.value.trim().toLowerCase();
            if (tg && tg.charAt(0) !== '@') tg = '@' + tg;
            var shown = 0;
            scenarios.forEach(function (el) {
              var d = el.dataset;
              var ok = statuses.indexOf(d.status) >= 0
                && (!uc || has(d.usecases, uc))
                && (!tk || has(d.tickets, tk))
                && (!tg || has(d.tags, tg))
                && (!q || d.search.indexOf(q) >= 0);
              el.hidden = !ok;
              if (ok) shown++;
            });
            count.textContent = shown + ' of ' + scenarios.length + ' scenarios shown';
            document.body.setAttribute('data-shown', String(shown));
          }

          function toHash() {
            var p = [];
            var all = boxes.every(function (b) { return b.checked; });
            if (!all) p.push('status=' + boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; }).join(','));
            if (useCase.value) p.push('usecase=' + encodeURIComponent(useCase.value));
            if (ticket.value) p.push('ticket=' + encodeURIComponent(ticket.value));
            if (tag.value.trim()) p.push('tag=' + encodeURIComponent(tag.value.trim()));
            if (text.value.trim()) p.push('q=' + encodeURIComponent(text.value.trim()));
            writing = true;
            history.replaceState(null, '', p.length ? '#' + p.join('&') : location.pathname + location.search);
            writing = false;
          }

          function setSelect(select, value) {
            var found = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
            select.value = found ? value : '';
          }

          function fromHash() {
            var params = {};
            location.hash.replace(/^#/, '').split('&').forEach(function (kv) {
              if (!kv) return;
              var i = kv.indexOf('=');
              var k = i < 0 ? kv : kv.slice(0, i), v = i < 0 ? '' : kv.slice(i + 1);
              try { params[k] = decodeURIComponent(v.replace(/\+/g, ' ')); } catch (e) { params[k] = v; }
            });
            var wanted = params.status ? params.status.split(',') : null;
            boxes.forEach(function (b) { b.checked = !wanted || wanted.indexOf(b.value) >= 0; });
            setSelect(useCase, params.usecase || '');
            setSelect(ticket, params.ticket || '');
            tag.value = params.tag || '';
            text.value = params.q || '';
            apply();
            if (params.open) {
              var target = document.getElementById(params.open);
              if (target) {
                target.hidden = false;
                target.open = true;
                var ex = target.querySelectorAll('details.http');
                if (ex.length) ex[ex.length - 1].open = true;
                var box = target.getBoundingClientRect();
                if (box.top < 0 || box.top > window.innerHeight - 80) target.scrollIntoView();
              }
            }
          }

          function changed() { apply(); toHash(); }
          boxes.forEach(function (b) { b.addEventListener('change', changed); });
          [useCase, ticket].forEach(function (s) { s.addEventListener('change', changed); });
          [tag, text].forEach(function (i) { i.addEventListener('input', changed); });
          document.getElementById('f-reset').addEventListener('click', function () { location.hash = ''; fromHash(); toHash(); });
          window.addEventListener('hashchange', function () { if (!writing) fromHash(); });
          fromHash();
          document.body.setAttribute('data-ready', 'true');
        })();
        """;
}
