"""The review page's inline style, legend and small script (conveniences only)."""

STYLE = """
body{font:15px/1.5 Georgia,'DejaVu Serif',serif;margin:1.5em auto;max-width:1200px;padding:0 1em;color:#111}
h1{font-size:1.6em;margin:.2em 0}h2{border-bottom:1px solid #bbb;margin-top:1.6em}
.meta,.small{color:#555;font-size:.9em}table{border-collapse:collapse;margin:.5em 0}
th,td{border:1px solid #ccc;padding:.25em .45em;vertical-align:top;text-align:left}
.num{text-align:right;font-variant-numeric:tabular-nums}.matrix td{min-width:3.5em}
table.variants{width:100%}table.variants thead th{position:sticky;top:0;background:#f4f1ea;z-index:1}
tr.agree td{color:#666;background:#fafafa;font-size:.9em}
mark.sub{background:#ffd45e;font-weight:bold;border-bottom:2px solid #b07800;padding:0 1px}
.acc{border-bottom:1px dotted #777;background:#eef4ff}
.om{font-style:italic;color:#8a1c1c}.om::before{content:"∅ "}
.nq{color:#aaa}td.not-quoted{background:repeating-linear-gradient(45deg,#f3f3f3,#f3f3f3 4px,#fff 4px,#fff 8px)}
.cut,.cutmark{color:#6a3d9a;font-weight:bold}.cutmark{border:1px dashed #6a3d9a;padding:0 2px}
.ins{color:#0b6e4f;font-style:italic}.ins::after{content:"⁺";font-style:normal}.fn{color:#0b6e4f}
.type-substantive td:nth-child(2),.type-omission td:nth-child(2),.type-addition td:nth-child(2),
.type-transposition td:nth-child(2){font-weight:bold}
.legend span{margin-right:1.2em}.filters{position:sticky;top:0;background:#fff;padding:.4em 0;z-index:2;
border-bottom:1px solid #ddd}.filters label{margin-right:.8em;white-space:nowrap}
.text{line-height:1.9}.var{background:#fff5d6;border-radius:3px}
.var a.num{font-size:.7em;vertical-align:super;margin-right:1px;text-decoration:none}
.apparatus{font-size:.92em}.apparatus .lem{font-weight:bold}.sig{font-style:italic;color:#333}
a{color:#1f4e8c}:target{outline:2px solid #1f4e8c}
@media print{.filters,details{display:none}table.variants thead th,.filters{position:static}
body{font-size:11pt;max-width:none}tr{page-break-inside:avoid}a{color:#000;text-decoration:none}}
"""

LEGEND = (
    '<p class="legend small"><span><mark class="sub">word</mark> substantive: other words than the base</span>'
    '<span><span class="acc">word</span> spelling, case or punctuation only</span>'
    '<span class="om">om.</span> omitted <span><span class="nq">—</span> not quoted (greyed)</span>'
    '<span><span class="cut">[…]</span> inside the quoting author’s cut</span>'
    '<span><span class="cutmark">…</span> the cut as printed</span>'
    '<span><span class="ins">[us]</span> the quoting author’s insertion</span>'
    '<span><sup class="fn">[1]</sup> footnote marker</span>'
    "<span>Type column: the strongest difference in the row</span></p>"
)

# Filters and a shareable state in the URL (#hide=punctuation,case;show=0,2).
SCRIPT = """
(function(){
var boxes=document.querySelectorAll('input[data-hide-type],input[data-witness]');
function apply(){
  var hide={},show={};
  document.querySelectorAll('input[data-hide-type]').forEach(function(b){hide[b.dataset.hideType]=b.checked;});
  document.querySelectorAll('input[data-witness]').forEach(function(b){show[b.dataset.witness]=b.checked;});
  document.querySelectorAll('tr[class^="type-"],li[class^="type-"]').forEach(function(r){
    r.hidden=!!hide[r.className.replace('type-','')];});
  Object.keys(show).forEach(function(w){document.querySelectorAll('.w'+w).forEach(function(c){c.hidden=!show[w];});});
}
function fromHash(){
  location.hash.slice(1).split(';').forEach(function(part){
    var kv=part.split('='),vals=(kv[1]||'').split(',');
    if(kv[0]==='hide')document.querySelectorAll('input[data-hide-type]').forEach(function(b){
      b.checked=vals.indexOf(b.dataset.hideType)>=0;});
    if(kv[0]==='show')document.querySelectorAll('input[data-witness]').forEach(function(b){
      b.checked=vals.indexOf(b.dataset.witness)>=0;});
  });
}
boxes.forEach(function(b){b.addEventListener('change',apply);});
fromHash();apply();
})();
"""
