(function () {
  // A long work's variant table: rows drawn from the data island as they near the screen.
  var island = document.getElementById("book-rows"), table = document.getElementById("variant-table");
  var root = document.documentElement, form = document.getElementById("filters");
  if (!island || !table || !form) return;
  root.classList.add("js");
  var book = JSON.parse(island.textContent), CHUNK = 100, bodies = [], numbers = {};
  var count = document.getElementById("shown"), shown = [], all = true;
  book.entries.forEach(function (r, i) { numbers[r] = i + 1; });
  for (var start = 0; start < book.rows.length; start += CHUNK) {
    var body = document.createElement("tbody");
    body.dataset.start = start;
    body.style.height = Math.min(CHUNK, book.rows.length - start) * 2.6 + "em";  // until drawn
    table.appendChild(body);
    bodies.push(body);
  }
  function draw(body) {
    if (body.dataset.drawn) return;
    var start = +body.dataset.start;
    body.innerHTML = book.rows.slice(start, start + CHUNK).join("");
    body.style.height = "";
    body.dataset.drawn = "1";
    marks(body);
  }
  var observer = new IntersectionObserver(function (seen) {
    seen.forEach(function (entry) { if (entry.isIntersecting) draw(entry.target); });
  }, {rootMargin: "1500px 0px"});
  if (bodies.length) draw(bodies[0]);  // the first rows at once, not when the observer first reports
  bodies.forEach(function (body) { observer.observe(body); });

  function sameShown(readings) {
    if (all || !readings) return false;
    var r = readings.split(" "), seen = {};
    shown.forEach(function (c) { if (r[c] !== "-") seen[r[c]] = 1; });
    return Object.keys(seen).length < 2;
  }
  function marks(body) {
    body.querySelectorAll("tr.var").forEach(function (row) {
      row.classList.toggle("same-shown", sameShown(row.dataset.r));
    });
  }
  function hidden(r) {  // as the style sheet hides a row: by its main type; or the shown witnesses agree
    return root.classList.contains("hide-" + /type-(\S+)/.exec(book.kinds[r])[1]) || sameShown(book.readings[r]);
  }
  function update() {
    shown = [];
    form.querySelectorAll("input").forEach(function (box) {
      if (box.dataset.type) root.classList.toggle("hide-" + box.dataset.type, box.checked);
      if (box.dataset.col) {
        root.classList.toggle("hide-w" + box.dataset.col, !box.checked);
        if (box.checked) shown.push(+box.dataset.col);
      }
    });
    all = shown.length === form.querySelectorAll("input[data-col]").length;
    bodies.forEach(function (body) { if (body.dataset.drawn) marks(body); });
    var visible = book.entries.filter(function (r) { return !hidden(r); }).length;
    count.textContent = visible + " of " + book.entries.length + " rows of variation shown";
  }
  form.addEventListener("change", update);
  update();

  function rowId(r) { return numbers[r] ? "v" + numbers[r] : "g" + r; }
  function show(id) {  // draw the row's chunk, bring the row to the middle of the screen
    var r = id.charAt(0) === "v" ? book.entries[+id.slice(1) - 1] : id.charAt(0) === "g" ? +id.slice(1) : NaN;
    var at = Math.floor(r / CHUNK);
    if (!bodies[at]) return false;
    bodies.slice(Math.max(at - 1, 0), at + 2).forEach(draw);  // its neighbours too: the rows around settle
    var row = document.getElementById(id);
    row.scrollIntoView({block: "center"});
    requestAnimationFrame(function () { row.scrollIntoView({block: "center"}); });  // once more drawn nearby
    row.classList.add("sought");
    setTimeout(function () { row.classList.remove("sought"); }, 2500);
    return true;
  }
  window.addEventListener("hashchange", function () { show(location.hash.slice(1)); });
  if (location.hash) show(location.hash.slice(1));

  var goto = document.getElementById("goto"), find = document.getElementById("find");
  var found = document.getElementById("found"), texts = null;
  goto.addEventListener("change", function () {
    if (!show("v" + goto.value)) found.textContent = "no row of variation " + goto.value;
  });
  find.addEventListener("change", function () {
    var word = find.value.trim().toLowerCase();
    found.textContent = "";
    if (!word) return;
    texts = texts || book.rows.map(function (row) { return row.replace(/<[^>]*>/g, " ").toLowerCase(); });
    var escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    var sought = new RegExp("(^|[^\\p{L}\\p{N}])" + escaped + "($|[^\\p{L}\\p{N}])", "u"), hits = [];
    texts.forEach(function (text, r) { if (sought.test(text)) hits.push(r); });
    found.appendChild(document.createTextNode(" " + hits.length + " rows" + (hits.length ? ": " : "")));
    hits.slice(0, 50).forEach(function (r) {
      var link = document.createElement("a");
      link.href = "#" + rowId(r);
      link.textContent = numbers[r] ? String(numbers[r]) : "(same)";
      found.appendChild(link);
      found.appendChild(document.createTextNode(" "));
    });
    if (hits.length > 50) found.appendChild(document.createTextNode("…"));
  });
})();
