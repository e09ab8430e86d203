"""The HTML page's inline style sheet and its small script (filters only: the page reads without it)."""

from __future__ import annotations

from collate.apparatus.terms import PlaceType

# Row types: the colour of a row's edge and label (the label's text says the same).
TYPE_COLOURS = {
    PlaceType.TRANSPOSITION: "#8e5cc2", PlaceType.OMISSION: "#c0392b", PlaceType.ADDITION: "#c0392b",
    PlaceType.SUBSTANTIVE: "#d9831f", PlaceType.SPELLING: "#5b7fc4", PlaceType.CASE: "#5b7fc4",
    PlaceType.PUNCTUATION: "#8fa6cf", PlaceType.EDITORIAL: "#2a9d8f", PlaceType.INVARIANT: "#bbb",
}
FILTERED = (PlaceType.PUNCTUATION, PlaceType.CASE, PlaceType.SPELLING, PlaceType.EDITORIAL)

CSS = """
:root{--ink:#1f1d1a;--muted:#6d6860;--rule:#ddd7cc;--paper:#fffdf8;--panel:#f5f1e8;--base:#fbf5e3;
--sub:#ffc95c;--faint:#e6edfb;--faint-rule:#5b7fc4;--om:#a3321d;--ins:#0d6e62;--link:#1f4e99}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--paper);color:var(--ink);font:16px/1.5 "Iowan Old Style","Palatino Linotype",
Palatino,"Book Antiqua",Georgia,"DejaVu Serif",serif}
.sans,nav,table,.filters,.legend,.ty,.small,.tag,dl.settings,footer,.apparatus .n,sup.vn,.caption{
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"DejaVu Sans",sans-serif}
a{color:var(--link)}
header.page{background:var(--panel);border-bottom:1px solid var(--rule);padding:1.4rem 2rem 1rem}
.kicker{margin:0;color:var(--muted);font-size:.8rem;letter-spacing:.08em;text-transform:uppercase}
h1{margin:.15rem 0 .3rem;font-size:1.75rem;line-height:1.2;font-weight:600}
.meta{margin:0 0 .5rem;color:var(--muted)}
.desc{margin:.3rem 0 .8rem;max-width:52rem;font-size:1.05rem}
nav{display:flex;flex-wrap:wrap;gap:.25rem 1.2rem;font-size:.9rem;margin-top:.6rem}
main{padding:0 2rem 3rem}
section{margin-top:2.2rem}
h2{font-size:1.3rem;margin:0 0 .6rem;padding-bottom:.2rem;border-bottom:2px solid var(--ink)}
h3{font-size:1.05rem;margin:1.4rem 0 .4rem}
.caption{color:var(--muted);font-size:.85rem;max-width:60rem;margin:.2rem 0 .7rem}
.small{font-size:.78rem;color:var(--muted)}
details.settings-box{font-size:.85rem;margin-top:.3rem}
dl.settings{display:grid;grid-template-columns:repeat(3,max-content minmax(8rem,max-content));gap:.1rem 1rem;
margin:.4rem 0;font-size:.85rem}
dl.settings dt{color:var(--muted)}dl.settings dd{margin:0 1.2rem 0 0}dl.settings dd.wide{grid-column:2/-1}
@media (max-width:900px){dl.settings{grid-template-columns:max-content 1fr}}
table.regs{font-size:.8rem;border-collapse:collapse;columns:3}table.regs td{padding:0 .8rem 0 0}
table{border-collapse:collapse;font-size:.9rem}
th,td{text-align:left;vertical-align:top}
table.witnesses{width:100%}
table.witnesses th,table.witnesses td{padding:.45rem .6rem;border-bottom:1px solid var(--rule)}
table.witnesses thead th{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
table.witnesses .sig{font-size:1.15rem;white-space:nowrap}
td.cite{font-family:"Iowan Old Style","Palatino Linotype",Palatino,Georgia,"DejaVu Serif",serif;width:50%}
.translator{color:var(--muted);font-size:.85rem}
td.num{white-space:nowrap;font-variant-numeric:tabular-nums}
.bar{display:inline-block;width:4rem;height:.55rem;background:#e9e4d8;margin-right:.4rem;vertical-align:middle}
.bar span{display:block;height:100%;background:#7a8fa8}
.tag{display:inline-block;font-size:.65rem;text-transform:uppercase;letter-spacing:.05em;padding:0 .3em;
border:1px solid currentColor;border-radius:3px;vertical-align:middle;color:#8a5a00;margin-left:.2em}
.tag.ref{color:var(--muted)}
details.notes{font-size:.8rem;color:var(--muted);margin-top:.2rem}
details.notes summary{cursor:pointer}
ul.placements{list-style:none;margin:0;padding:0;font-size:.8rem}
.unaligned{font:600 .72rem system-ui,sans-serif;color:#9a3b00;border:1px solid;border-radius:3px;
padding:0 .3em;margin-right:.3em}
.st{font:700 .8rem system-ui,sans-serif;color:#6b3fa0;cursor:help}
tr.agree .st{border:1px solid;border-radius:3px;padding:0 .3em;margin-right:.3em;font-size:.72rem}
.pl-local,.pl-unplaced{color:#9a3b00;font-weight:600}
table.heatmap th,table.heatmap td{padding:.3rem .5rem;text-align:center;min-width:2.8rem}
td.heat{font-variant-numeric:tabular-nums;border:2px solid var(--paper)}
td.heat.none{color:var(--muted);background:repeating-linear-gradient(135deg,#f3f1ec 0 5px,#e8e5de 5px 10px)}
.filters{display:none;gap:.4rem 1.4rem;flex-wrap:wrap;align-items:baseline;background:var(--panel);
border:1px solid var(--rule);padding:.5rem .8rem;margin:.6rem 0;font-size:.85rem}
.js .filters{display:flex}
.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem .9rem}
.filters legend{font-weight:600;float:left;margin-right:.6rem}
.filters label{white-space:nowrap;cursor:pointer}
#shown{color:var(--muted);margin-left:auto}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;font-size:.8rem;margin:.4rem 0 .8rem;padding:0;list-style:none}
table.variants{width:100%;table-layout:fixed;border:1px solid var(--rule)}
table.variants col.rl{width:8.6rem}
table.variants thead th{position:sticky;top:0;z-index:2;background:#2e2b27;color:#fff;padding:.4rem .6rem;
font-weight:500;border-left:1px solid #4a4640}
table.variants thead th.base{background:#5a4a23}
thead .sig{font-size:1.05rem;font-weight:700;margin-right:.3rem}
thead .wid{font-size:.75rem;opacity:.8}
table.variants tbody th,table.variants tbody td{padding:.35rem .6rem;border-top:1px solid var(--rule)}
table.variants tbody td{font-family:"Iowan Old Style","Palatino Linotype",Palatino,Georgia,"DejaVu Serif",serif;
font-size:.98rem;line-height:1.45;border-left:1px solid var(--rule);overflow-wrap:anywhere}
table.variants td.base{background:var(--base)}
tbody th.rl{font-weight:400;white-space:nowrap;font-size:.8rem;border-left:5px solid #bbb}
th.rl a.n{font-weight:700;font-size:.9rem;text-decoration:none;margin-right:.3rem;display:inline-block;min-width:1.2rem}
th.rl .tys{display:inline-flex;flex-wrap:wrap;gap:.15rem;vertical-align:.1em}
th.rl .x{display:block;font-size:.72rem;margin-top:.15rem}
th.rl .x a{margin-right:.4rem}
tr.agree td{background:#faf8f2;color:#4d4942;font-size:.9rem}
tr.agree .who{float:right;margin-left:.6rem}
.elided{color:var(--muted);font-style:italic;white-space:nowrap}
[id]{scroll-margin-top:1rem}tbody tr[id]{scroll-margin-top:3.5rem}
tr:target th,tr:target td,li:target,a.lem:target{outline:2px solid #e0a100;outline-offset:-2px;background:#fff4cf}
.ty{display:inline-block;font-size:.68rem;text-transform:uppercase;letter-spacing:.04em;font-weight:600;
padding:0 .35em;border-radius:3px;color:#fff;background:#999;white-space:nowrap}
mark.sub{background:var(--sub);color:#2b1d00;font-weight:700;padding:0 .12em;border-radius:2px;
box-shadow:inset 0 -2px 0 #c88a00}
.spell,.case,.punct{background:var(--faint);border-bottom:1.5px dotted var(--faint-rule)}
.punct{border-bottom-style:dashed;border-bottom-color:#9fb2d6}
.om{font-style:italic;color:var(--om);font-weight:600}
td.nq{background:repeating-linear-gradient(135deg,#f1efea 0 6px,#e7e4dd 6px 12px);color:#8b867d;text-align:center}
.nqmark{font-weight:600}
.cutst{display:inline-block;border:1px dashed #7d6b4f;border-radius:3px;padding:0 .35em;color:#5d4d33;
background:#f4efe4;font-size:.85em;font-family:system-ui,sans-serif}
.cutmark{font-weight:700}
.cut{color:#5d4d33;font-weight:700;border-bottom:1px dashed #7d6b4f}
.ins{font-style:italic;color:var(--ins);background:#e3f4f1;border-bottom:1px dashed var(--ins)}
.fn{color:#6b3fa0;font-size:.72em}
.lack{color:var(--om);font-weight:700;font-family:system-ui,sans-serif;cursor:help}
td.om{background:#fbefec}
.reading{max-width:46rem;font-size:1.12rem;line-height:1.85;background:#fff;border:1px solid var(--rule);
padding:1.2rem 1.6rem}
.reading .pb{display:block;height:.7em}
a.lem{color:inherit;text-decoration:none;border-bottom:2px solid #bbb;background:#f7f2e6}
sup.vn{font-size:.62rem;font-weight:700;margin-left:.05em;line-height:0}
sup.vn a{text-decoration:none}
.caret{color:var(--om);font-weight:700}
.supplied{color:var(--muted)}
ol.apparatus{list-style:none;padding:0;margin:0;max-width:60rem;font-size:.95rem;columns:2 26rem;column-gap:2.5rem}
ol.apparatus li{break-inside:avoid;padding:.15rem 0 .15rem 2.2rem;text-indent:-2.2rem;line-height:1.45}
ol.apparatus li *{text-indent:0}
ol.apparatus .n{display:inline-block;width:2rem;text-indent:0;text-align:right;margin-right:.2rem;font-weight:700;
font-size:.8rem;text-decoration:none}
.apparatus .lem{font-weight:600}
.apparatus .sig{font-style:italic;font-weight:600}
.apparatus .where{font-style:italic;color:var(--muted)}
.apparatus .lemwit{font-size:.8rem;color:var(--muted);white-space:nowrap}
th.rl .ty+.ty{margin-left:0}.ty+.ty{margin-left:.15rem}
.apparatus .ty{font-size:.6rem;vertical-align:.1em;background:none!important;color:var(--muted)!important;
border:1px solid var(--rule);font-weight:500}
.apparatus .to-table{font-size:.75rem;white-space:nowrap}
footer{color:var(--muted);font-size:.8rem;padding:1rem 2rem;border-top:1px solid var(--rule)}
noscript p{font-size:.85rem;color:var(--muted)}
.same-shown{display:none}
@media (max-width:700px){main,header.page{padding-left:.8rem;padding-right:.8rem}table.variants col.rl{width:5rem}}
@media print{
body{background:#fff;font-size:10pt}
nav,.filters,noscript,.to-table,th.rl .x{display:none!important}
header.page{background:none;padding:0 0 .5rem}
main{padding:0}
table.variants thead th{position:static}
tr,li{break-inside:avoid}
a{color:inherit;text-decoration:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.reading{border:0;padding:0;max-width:none}
ol.apparatus{columns:2}
section{break-inside:auto}
}
"""

SCRIPT = """
(function () {
  var root = document.documentElement, form = document.getElementById("filters");
  var table = document.getElementById("variant-table");
  if (!form || !table) return;
  root.classList.add("js");
  var rows = table.querySelectorAll("tbody tr.var"), count = document.getElementById("shown");
  function update() {
    var shown = [], boxes = form.querySelectorAll("input");
    boxes.forEach(function (box) {
      if (box.dataset.type) root.classList.toggle("hide-" + box.dataset.type, box.checked);
      if (box.dataset.col) {
        root.classList.toggle("hide-w" + box.dataset.col, !box.checked);
        if (box.checked) shown.push(+box.dataset.col);
      }
    });
    var all = shown.length === form.querySelectorAll("input[data-col]").length, visible = 0;
    rows.forEach(function (row) {
      var readings = row.dataset.r.split(" "), seen = {};
      shown.forEach(function (c) { if (readings[c] !== "-") seen[readings[c]] = 1; });
      row.classList.toggle("same-shown", !all && Object.keys(seen).length < 2);
      if (row.getClientRects().length) visible++;
    });
    count.textContent = visible + " of " + rows.length + " rows of variation shown";
  }
  form.addEventListener("change", update);
  update();
})();
"""


def page_css(columns: int) -> str:
    """Return the style sheet: the fixed rules, the row types' colours, the filters' hiding rules."""
    types = "".join(f".ty-{t}{{background:{c}}}tr.type-{t}>th.rl{{border-left-color:{c}}}"
                    f"a.lem.type-{t}{{border-bottom-color:{c}}}" for t, c in TYPE_COLOURS.items())
    types += ".ty-punctuation,.ty-invariant{color:#1f1d1a}"
    hide = "".join(f".hide-{t} tr.type-{t},.hide-{t} .apparatus li.type-{t},.hide-{t} sup.vn.type-{t}{{display:none}}"
                   f".hide-{t} a.lem.type-{t}{{border-bottom:0;background:none}}" for t in FILTERED)
    columns_css = "".join(f".hide-w{c} .w{c}{{display:none}}" for c in range(columns))
    return CSS + types + "\n" + hide + "\n" + columns_css + "\n"
