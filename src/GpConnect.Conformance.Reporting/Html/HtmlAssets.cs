namespace GpConnect.Conformance.Reporting.Html;

/// <summary>The report's inline stylesheet and script (no network access: the file opens from disk).</summary>
internal static class HtmlAssets
{
    public const string Css = """
        :root { --pass:#1b7f3b; --fail:#b3261e; --warn:#c77700; --skip:#6b6b6b; --na:#a3a3a8; --waive:#9a6700; --bg:#f7f7f8; --line:#d9d9de; --ink:#1d1d1f; }
        * { box-sizing: border-box; }
        body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--ink); background:var(--bg); }
        header, main > section { background:#fff; margin:12px 16px; padding:12px 16px; border:1px solid var(--line); border-radius:8px; }
        h1 { font-size:17px; margin:0 0 8px; color:#444; font-weight:600; } h2 { font-size:16px; margin:0 0 8px; } h3 { font-size:14px; margin:12px 0 6px; }
        table { border-collapse:collapse; width:100%; } th, td { text-align:left; padding:3px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
        th { background:#f0f0f3; font-weight:600; } td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
        .meta td:first-child { width:14em; color:#555; } .meta pre { margin:0; } .meta td { overflow-wrap:anywhere; }
        .banner { background:#fff4e5; border:1px solid var(--waive); color:#5a3d00; padding:8px 12px; border-radius:6px; margin:8px 0; font-weight:600; }
        .verdict { border:1px solid var(--line); border-left:10px solid var(--skip); border-radius:8px; padding:12px 16px; margin:4px 0 10px; }
        .verdict.v-failed { border-left-color:var(--fail); background:#fdf1f0; } .verdict.v-passed { border-left-color:var(--pass); background:#eff8f1; }
        .verdict.v-warnings { border-left-color:var(--warn); background:#fff6e8; }
        .verdict-head { display:flex; flex-wrap:wrap; align-items:baseline; gap:4px 16px; }
        .verdict-word { font-size:30px; font-weight:800; letter-spacing:.2px; } .v-failed .verdict-word { color:var(--fail); } .v-passed .verdict-word { color:var(--pass); }
        .v-warnings .verdict-word { color:var(--warn); } .verdict-why { font-size:16px; font-weight:600; }
        .facts { display:grid; grid-template-columns:repeat(auto-fit,minmax(min(100%,200px),1fr)); gap:6px 20px; margin:10px 0; }
        .facts > div { min-width:0; } .facts dt { font-size:12px; color:#555; } .facts dd { margin:0; font-weight:600; overflow-wrap:anywhere; }
        .counts { display:flex; flex-wrap:wrap; gap:8px; margin:8px 0; }
        .count { display:flex; flex-direction:column; min-width:86px; padding:4px 12px; border:1px solid var(--line); border-radius:8px; background:#fff; color:inherit; text-decoration:none; }
        .count b { font-size:22px; line-height:1.15; font-variant-numeric:tabular-nums; } .count span { font-size:12px; color:#555; }
        a.count:hover { border-color:#0b57d0; }
        .count.c-passed b { color:var(--pass); } .count.c-failed b { color:var(--fail); } .count.c-warning b { color:var(--warn); } .count.c-waived b { color:var(--waive); }
        .count.c-skipped b, .count.c-na b { color:#555; }
        .runbar svg { display:block; width:100%; height:14px; border-radius:3px; }
        #config > summary { cursor:pointer; font-weight:600; padding:4px 0; }
        .badge { display:inline-block; min-width:5.5em; text-align:center; padding:1px 6px; border-radius:4px; color:#fff; font-size:12px; font-weight:700; }
        .b-passed { background:var(--pass); } .b-failed { background:var(--fail); } .b-skipped { background:var(--skip); }
        .b-notApplicable { background:var(--na); } .b-waived { background:var(--waive); } .b-warning { background:var(--warn); }
        .c-failed { color:var(--fail); } .c-passed { color:var(--pass); } .c-waived { color:var(--waive); } .c-warning { color:var(--warn); }
        .f-passed { fill:var(--pass); background:var(--pass); } .f-failed { fill:var(--fail); background:var(--fail); } .f-warning { fill:var(--warn); background:var(--warn); }
        .f-waived { fill:var(--waive); background:var(--waive); } .f-skipped { fill:var(--skip); background:var(--skip); } .f-na { fill:var(--na); background:var(--na); }
        .f-other { fill:#c9c9cf; background:#c9c9cf; } .f-none { fill:#eee; }
        .legend { display:flex; flex-wrap:wrap; gap:4px 14px; font-size:12px; color:#555; margin:2px 0 8px; }
        .legend i { display:inline-block; width:10px; height:10px; border-radius:2px; margin-right:4px; vertical-align:-1px; }
        .grid { display:grid; grid-template-columns:repeat(auto-fit,minmax(min(100%,440px),1fr)); gap:14px 24px; align-items:start; }
        .grid > * { min-width:0; } .panel h3 { margin-top:4px; }
        .scroll { overflow-x:auto; max-width:100%; }
        .gt th, .gt td { padding:3px 6px; } .gt td.key { overflow-wrap:anywhere; min-width:6em; }
        .gt .barcol { width:28%; min-width:64px; vertical-align:middle; } .gt svg.sbar { display:block; width:100%; height:12px; }
        .gt td.c-failed { font-weight:700; }
        svg.chart { display:block; width:100%; max-width:520px; height:auto; font-family:system-ui,sans-serif; }
        svg.chart .tick { font-size:9px; fill:#555; } svg.chart .val { font-size:9px; font-weight:700; fill:var(--fail); }
        svg.chart .axis { stroke:#999; stroke-width:.8; } svg.chart .grid { stroke:#ddd; stroke-dasharray:2 2; }
        svg.chart .outline { fill:none; stroke:#0b57d0; stroke-width:1.2; }
        svg.rt .lbl { font-size:9.5px; fill:#333; } svg.rt .num { font-size:9px; fill:#333; font-variant-numeric:tabular-nums; }
        svg.rt .track { stroke:#eee; stroke-width:5; stroke-linecap:round; } svg.rt .range { stroke-width:5; stroke-linecap:round; }
        svg.rt .rt-ok .range { stroke:#7cbf8e; } svg.rt .rt-should .range { stroke:var(--warn); } svg.rt .rt-shall .range { stroke:var(--fail); }
        svg.rt .med { fill:#1d1d1f; } svg.rt .over { fill:var(--fail); } svg.rt .rt-shall .lbl, svg.rt .rt-shall .num { fill:var(--fail); font-weight:700; }
        svg.rt line.lim-should { stroke:var(--warn); stroke-dasharray:3 2; stroke-width:1; } svg.rt line.lim-shall { stroke:var(--fail); stroke-dasharray:3 2; stroke-width:1; }
        svg.rt text.lim-should { fill:var(--warn); } svg.rt text.lim-shall { fill:var(--fail); }
        .fgroup { border:1px solid var(--line); border-left:6px solid var(--fail); border-radius:6px; margin:6px 0; background:#fff; }
        .fgroup > summary { cursor:pointer; padding:6px 10px; display:flex; flex-wrap:wrap; align-items:baseline; gap:4px 10px; }
        .fgroup > summary::before { content:"▸"; color:#777; } .fgroup[open] > summary::before { content:"▾"; }
        .fcount { display:inline-block; min-width:2.6em; text-align:center; background:var(--fail); color:#fff; font-weight:800; border-radius:999px; padding:0 8px; }
        .ftitle { font-weight:600; flex:1 1 20em; min-width:0; overflow-wrap:anywhere; } .fmeta { flex:0 1 auto; }
        .fgroup .body { padding:4px 14px 12px; border-top:1px solid var(--line); }
        .fscn { max-height:14em; overflow:auto; margin:4px 0; padding-left:20px; border:1px solid var(--line); border-radius:4px; padding-top:4px; padding-bottom:4px; }
        .findings td:nth-child(2) { overflow-wrap:anywhere; }
        .filters { position:sticky; top:0; z-index:2; display:flex; flex-wrap:wrap; gap:10px 16px; align-items:center; }
        .filters label { white-space:nowrap; } .filters input[type=text], .filters input[list], .filters select { padding:3px 6px; max-width:100%; }
        #f-cause { max-width:22em; }
        .scn { border:1px solid var(--line); border-left:6px solid var(--skip); border-radius:6px; margin:6px 0; background:#fff; }
        .scn.st-failed { border-left-color:var(--fail); } .scn.st-passed { border-left-color:var(--pass); } .scn.st-waived { border-left-color:var(--waive); }
        .scn.st-notApplicable { border-left-color:var(--na); } .scn.st-warning { border-left-color:var(--warn); }
        .finding { border-left:3px solid var(--warn); background:#fff7ed; padding:6px 10px; margin:8px 0; }
        .scn > summary { cursor:pointer; padding:6px 10px; list-style-position:inside; overflow-wrap:anywhere; }
        .scn > summary .name { font-weight:600; } .scn > summary .why { display:block; margin-left:6.5em; color:var(--fail); font-size:13px; }
        .scn.st-waived > summary .why, .scn.st-skipped > summary .why, .scn.st-notApplicable > summary .why { color:#555; }
        .scn .body { padding:4px 14px 12px; border-top:1px solid var(--line); }
        .small { color:#666; font-size:12px; font-weight:normal; } .tag { display:inline-block; background:#eef; border-radius:4px; padding:0 5px; margin:0 3px 2px 0; font-size:12px; color:#334; }
        .failure { background:#fdecea; border:1px solid #f3b8b3; border-radius:6px; padding:8px 10px; margin:8px 0; overflow-x:auto; }
        .failure.soft { background:#f4f4f6; border-color:var(--line); }
        .steps { margin:4px 0; padding-left:22px; } .steps li { margin:2px 0; } .step-evidence { margin:4px 0 8px; }
        .step-status { font-size:11px; font-weight:700; text-transform:uppercase; margin-right:6px; }
        .s-Passed { color:var(--pass); } .s-Failed, .s-Undefined, .s-Ambiguous { color:var(--fail); } .s-Skipped, .s-Pending { color:var(--skip); }
        pre { background:#f6f8fa; border:1px solid var(--line); border-radius:4px; padding:6px 8px; overflow:auto; max-height:480px; white-space:pre-wrap; word-break:break-word; font:12px/1.4 ui-monospace,Menlo,Consolas,monospace; }
        pre .hit, tr.hit td { background:#fff1a8; } pre .hit { display:inline; box-shadow:-8px 0 0 #fff1a8; }
        .jnote { display:block; margin:1px 0 3px; padding:2px 8px; background:#fdecea; color:#8a1c14; border-left:3px solid var(--fail); border-radius:3px; font:600 12px/1.35 system-ui,sans-serif; white-space:normal; }
        tr.note td { border-bottom:none; padding-top:0; }
        details.http, details.text, details.curl { border:1px solid var(--line); border-radius:6px; margin:6px 0; padding:0 8px; background:#fff; }
        details.http > summary, details.text > summary { cursor:pointer; padding:4px 0; font-family:ui-monospace,Menlo,Consolas,monospace; font-size:12.5px; overflow-wrap:anywhere; }
        details.jwt > summary { cursor:pointer; font-weight:600; font-size:13px; padding:4px 0; }
        details.curl > summary { cursor:pointer; padding:4px 0; font-weight:600; font-size:12.5px; }
        details.curl { position:relative; } .copy { position:absolute; right:8px; top:3px; font-size:12px; }
        .http-ok { color:var(--pass); } .http-bad { color:var(--fail); }
        .cols { display:grid; grid-template-columns:minmax(0,1fr) minmax(0,1fr); gap:10px; } @media (max-width:900px) { .cols { grid-template-columns:minmax(0,1fr); } }
        .hdrs td { font-family:ui-monospace,Menlo,Consolas,monospace; font-size:12px; } .hdrs td:first-child { white-space:nowrap; width:1%; }
        .hdrs td:last-child { word-break:break-all; } .hdrs tr.note td { word-break:normal; overflow-wrap:anywhere; }
        a { color:#0b57d0; } [hidden] { display:none !important; }
        #count { font-weight:600; }
        @media (max-width:600px) {
          header, main > section { margin:8px 6px; padding:10px; }
          .gt .minor { display:none; } .facts { grid-template-columns:1fr 1fr; } .verdict { padding:10px; } .verdict-word { font-size:24px; }
          .count { min-width:72px; padding:3px 8px; } .count b { font-size:18px; }
          .filters { position:static; } .scn > summary .why { margin-left:0; }
          .scn .body, .fgroup .body { padding:4px 8px 10px; }
          .findings tr:first-child { display:none; } .findings tr { display:block; border-bottom:1px solid var(--line); padding:4px 0; }
          .findings td { display:block; border:none; padding:1px 4px; overflow-wrap:anywhere; }
          .findings td:nth-child(2)::before { content:"Path: "; color:#666; } .findings td:nth-child(3)::before { content:"Expected: "; color:#666; }
          .findings td:nth-child(4)::before { content:"Actual: "; color:#666; } .findings td:first-child { font-weight:700; }
        }
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
          var cause = document.getElementById('f-cause');
          var count = document.getElementById('count');
          var writing = false;

          function has(list, value) { return (' ' + list + ' ').indexOf(' ' + value.toLowerCase() + ' ') >= 0; }

          function apply() {
            var statuses = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
            var cs = cause.value;
            var uc = useCase.value, tk = ticket.value, tg = tag.value.trim().toLowerCase(), q = text.value.trim().toLowerCase();
            if (tg && tg.charAt(0) !== '@') tg = '@' + tg;
            var shown = 0;
            scenarios.forEach(function (el) {
              var d = el.dataset;
              var ok = statuses.indexOf(d.status) >= 0
                && (!uc || has(d.usecases, uc))
                && (!tk || has(d.tickets, tk))
                && (!tg || has(d.tags, tg))
                && (!q || d.search.indexOf(q) >= 0)
                && (!cs || d.cause === cs);
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
            if (cause.value) p.push('cause=' + encodeURIComponent(cause.value));
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
            setSelect(cause, params.cause || '');
            tag.value = params.tag || '';
            text.value = params.q || '';
            apply();
            if (params.cause && !params.open) {
              var list = document.getElementById('scenarios');
              if (list) list.scrollIntoView();
            }
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
          [useCase, ticket, cause].forEach(function (s) { s.addEventListener('change', changed); });
          Array.prototype.forEach.call(document.querySelectorAll('button.copy'), function (btn) {
            btn.addEventListener('click', function () {
              var pre = btn.parentNode.querySelector('pre');
              var done = function () { btn.textContent = 'Copied'; setTimeout(function () { btn.textContent = 'Copy'; }, 1500); };
              var fallback = function () {
                var range = document.createRange();
                range.selectNodeContents(pre);
                var sel = window.getSelection();
                sel.removeAllRanges();
                sel.addRange(range);
                try { if (document.execCommand('copy')) done(); } catch (e) { }
              };
              if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(pre.textContent).then(done, fallback);
              else fallback();
            });
          });
          [tag, text].forEach(function (i) { i.addEventListener('input', changed); });
          document.getElementById('f-reset').addEventListener('click', function () { location.hash = ''; fromHash(); toHash(); });
          window.addEventListener('hashchange', function () { if (!writing) fromHash(); });
          fromHash();
          document.body.setAttribute('data-ready', 'true');
        })();
        """;
}
