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
