/*
 * What the hub's pages (dashboard, map, dossier and structure pages) share to draw the graph's
 * answers: elements built with textContent (never innerHTML), and money read as integer cents.
 * Loaded before each page's own script; exposes window.hubPages.
 */
(function () {
  "use strict";

  var euroFormat = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

  /** An element with attributes (text, className, onclick, or any attribute) and children. */
  function h(tag, attributes) {
    var element = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "text") element.textContent = value;
      else if (name === "className") element.className = value;
      else if (name === "onclick") element.addEventListener("click", value);
      else element.setAttribute(name, value === true ? "" : value);
    });
    for (var i = 2; i < arguments.length; i++) append(element, arguments[i]);
    return element;
  }

  function append(parent, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child))
      child.forEach(function (c) {
        append(parent, c);
      });
    else if (typeof child === "string" || typeof child === "number") parent.appendChild(document.createTextNode(String(child)));
    else parent.appendChild(child);
  }

  /** Empties the element of that id, then appends the other arguments. */
  function replace(id) {
    var target = document.getElementById(id);
    while (target.firstChild) target.removeChild(target.firstChild);
    for (var i = 1; i < arguments.length; i++) append(target, arguments[i]);
  }

  window.hubPages = {
    h: h,
    append: append,
    replace: replace,
    /** Euros from the API (at most two decimals) as integer cents, as the hub sums them. */
    cents: function (euros) {
      return Math.round(euros * 100);
    },
    money: function (euros) {
      return euroFormat.format(euros);
    },
    euroFormat: euroFormat,
  };
})();
