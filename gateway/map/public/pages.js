/*
 * La carte nationale des 1000 premiers jours, et les pages d'un dossier et d'une structure. Plain
 * browser script: it sends the contract's operations unchanged to the gateway's /graphql (and
 * MapDepartmentFinancing, map-data.js says why) and draws what they return (the DSFR chart `map-chart` for the map, DSFR tables beside it). Every
 * text from the graph goes through textContent, never innerHTML.
 */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("map-config").textContent);
  var ref = config.reference;
  var OVERSEAS_DEPARTMENT = { "01": "971", "02": "972", "03": "973", "04": "974", "06": "976" };

  // ------------------------------------------------------------------ helpers

  var h = hubPages.h,
    replace = hubPages.replace,
    cents = hubPages.cents,
    money = hubPages.money;
  function label(dictionary, code) {
    return dictionary[code] || code;
  }
  function axisLabel(code) {
    var axis = ref.axes.find(function (a) {
      return a.code === code;
    });
    return axis ? "Axe " + axis.number + " : " + axis.label : code;
  }
  /** crossFinancing.total is null when a funder did not answer (partial): say so, never 0. */
  function financingTotal(financing) {
    return financing.total === null || financing.total === undefined
      ? "partiel : au moins un financeur n'a pas répondu, le total n'est pas connu"
      : money(financing.total);
  }

  function table(caption, headers, rows, className) {
    var numeric = headers.map(function (header) {
      return /^(Montant|Total|Nombre|Valeur)/.test(header);
    });
    return h(
      "div",
      { className: "fr-table fr-table--sm" + (className ? " " + className : "") },
      h(
        "div",
        { className: "fr-table__wrapper" },
        h(
          "div",
          { className: "fr-table__container" },
          h(
            "div",
            { className: "fr-table__content" },
            h(
              "table",
              null,
              h("caption", { text: caption }),
              h(
                "thead",
                null,
                h(
                  "tr",
                  null,
                  headers.map(function (header, i) {
                    return h("th", { scope: "col", className: numeric[i] ? "num" : null, text: header });
                  }),
                ),
              ),
              h(
                "tbody",
                null,
                rows.map(function (cells) {
                  return h(
                    "tr",
                    null,
                    cells.map(function (cell, i) {
                      return i === 0 ? h("th", { scope: "row" }, cell) : h("td", { className: numeric[i] ? "num" : null }, cell);
                    }),
                  );
                }),
              ),
            ),
          ),
        ),
      ),
    );
  }

  function graphql(operationName, variables) {
    return fetch(config.graphqlPath, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: config.operations[operationName], variables: variables, operationName: operationName }),
    })
      .then(function (response) {
        return response.json().catch(function () {
          throw new Error("la passerelle a répondu " + response.status + " sans JSON");
        });
      })
      .then(function (body) {
        var messages = (body.errors || []).map(function (e) {
          return e.message;
        });
        // a partial answer (a funder down) is drawn, flagged: only an answer without data is a failure
        if (messages.length && !body.data) throw new Error(messages.join(" ; "));
        if (body.data) body.data.__partialMessages = messages;
        return body.data;
      });
  }

  function showError(message, partial) {
    var box = document.getElementById("error");
    box.hidden = !message;
    box.className = "fr-alert fr-alert--sm " + (partial ? "fr-alert--warning" : "fr-alert--error");
    box.textContent = !message ? "" : partial ? "Données partielles : " + message : "Les données n'ont pas pu être chargées : " + message;
  }

  function projectLink(projectRef, text) {
    return h("a", { className: "fr-link", href: config.paths.project + "/" + encodeURIComponent(projectRef), text: text });
  }
  function structureLink(structure) {
    return h("a", {
      className: "fr-link",
      href: config.paths.structure + "/" + structure.siret,
      text:
        structure.name === undefined
          ? "SIRET " + structure.siret
          : (structure.name || "Structure sans nom") + " (SIRET " + structure.siret + ")",
    });
  }

  // ------------------------------------------------------------------ the map page

  function mapPage() {
    var form = document.getElementById("filters");
    var fields = { level: "niveau", year: "annee", figure: "indicateur", source: "source", axis: "axe", funder: "financeur" };
    var state = config.selection;
    var sources = mapSources.create(ref.financing);
    var data = mapData.create(graphql, ref);
    var loadedYear = null;
    var lines = []; // every laureate and CAF grant of the year, with its territory
    var regions = {}; // region code -> RegionDashboard's region
    var maisons = [];
    var yearMessages = []; // what a partial answer of the year's requests said
    var departmentFinancing = {}; // year -> { byCode: department code -> crossFinancing, messages }

    function read() {
      state = {
        level: document.getElementById("niveau").value === "departement" ? "dep" : "reg",
        year: Number(document.getElementById("annee").value),
        figure: document.getElementById("indicateur").value,
        source: document.getElementById("source").value,
        axis: document.getElementById("axe").value,
        funder: document.getElementById("financeur").value,
        territory: state.territory,
      };
    }

    function viewUrl() {
      var query = "?niveau=" + (state.level === "dep" ? "departement" : "region") + "&annee=" + state.year + "&indicateur=" + state.figure;
      if (state.source) query += "&source=" + encodeURIComponent(state.source);
      if (state.axis) query += "&axe=" + state.axis;
      if (state.funder) query += "&financeur=" + state.funder;
      if (state.territory) query += "&territoire=" + encodeURIComponent(state.territory);
      return config.paths.map + query;
    }

    function updateUrl() {
      history.replaceState(null, "", viewUrl());
      document.getElementById("view-link").href = viewUrl();
    }

    function kept(line) {
      return (!state.axis || line.axes.indexOf(state.axis) >= 0) && (!state.funder || line.funder === state.funder);
    }
    function counted(line) {
      return line.status !== "WITHDRAWN";
    }
    function inTerritory(line, code) {
      return state.level === "reg" ? line.region === code : line.departments.indexOf(code) >= 0;
    }
    function filtered() {
      return Boolean(state.axis || state.funder);
    }

    function territories() {
      return state.level === "reg"
        ? ref.regions.map(function (r) {
            return { code: r.code, name: r.name };
          })
        : ref.departments.map(function (d) {
            return { code: d.code, name: d.name };
          });
    }

    /** The figure of a territory: { value (number or null), text }. */
    function figureOf(code) {
      if (state.figure === "maisons") {
        var regionCode =
          state.level === "reg"
            ? code
            : Object.keys(OVERSEAS_DEPARTMENT).find(function (r) {
                return OVERSEAS_DEPARTMENT[r] === code;
              });
        var territory = maisons.find(function (t) {
          return t.region.code === regionCode;
        });
        var n = territory
          ? territory.projects.filter(function (p) {
              return p.decision === "LABELLED";
            }).length
          : 0;
        return { value: n, text: String(n) };
      }
      var mine = lines.filter(function (l) {
        return kept(l) && counted(l) && inTerritory(l, code);
      });
      if (state.figure === "laureats") {
        var count = mine.filter(function (l) {
          return l.kind === "laureate";
        }).length;
        return { value: count, text: String(count) };
      }
      if (!filtered()) {
        // the graph's figure: RegionDashboard's crossFinancing by region, MapDepartmentFinancing's by department
        var financing =
          state.level === "reg" ? (regions[code] || {}).crossFinancing : (departmentFinancing[state.year] || { byCode: {} }).byCode[code];
        var figure = sources.figure(financing, state.source);
        return figure.partial ? { value: null, text: financingTotal({ total: null }) } : { value: figure.euros, text: money(figure.euros) };
      }
      if (!sources.inLines(state.source)) return { value: null, text: "sans objet avec un filtre par axe ou par financeur" };
      // the lines of a region whose figure is partial lack a funder's: their sum is not the figure either
      var regionCode =
        state.level === "reg"
          ? code
          : (
              ref.departments.find(function (d) {
                return d.code === code;
              }) || {}
            ).region;
      if (sources.figure((regions[regionCode] || {}).crossFinancing, "").partial)
        return { value: null, text: financingTotal({ total: null }) };
      var sum =
        mine
          .filter(function (l) {
            return sources.keeps(state.source, l.source);
          })
          .reduce(function (total, l) {
            return total + cents(l.amount);
          }, 0) / 100;
      return { value: sum, text: money(sum) };
    }

    /** What the colours say: the figure, and for cross-financing the sources it adds up. */
    function figureTitle() {
      return ref.figures[state.figure] + (state.figure === "financements" ? " : " + sources.label(state.source) : "");
    }

    function note() {
      var legend = "Couleurs de la carte : " + figureTitle() + (state.figure === "maisons" ? "" : ", " + state.year) + ". ";
      if (state.figure === "maisons") return legend + "Maisons labellisées par le comité national (outre-mer), toutes années.";
      if (state.figure === "laureats")
        return (
          legend +
          "Projets lauréats des appels à projets ARS et DREETS (projets retirés exclus) ; un projet compte dans chaque département qu'il couvre."
        );
      var partial = " « Partiel » : un financeur n'a pas répondu, le chiffre n'est pas connu (jamais compté 0).";
      if (!filtered())
        return (
          legend +
          "Financements croisés de chaque " +
          (state.level === "reg" ? "région" : "département") +
          " tels que le graphe les calcule (" +
          (state.source ? "somme des sources choisies" : "total, toutes sources") +
          ")" +
          (state.level === "dep" ? " ; un projet couvrant plusieurs départements y compte pour sa part." : ".") +
          partial
        );
      if (!sources.inLines(state.source))
        return (
          legend +
          "Avec un filtre par axe ou par financeur, la carte additionne les lauréats ARS et DREETS et les subventions CAF : " +
          sources.label(state.source) +
          " n'en fait pas partie."
        );
      return (
        legend +
        "Somme des lauréats et subventions CAF retenus par les filtres (projets retirés exclus)" +
        (state.level === "dep" ? " ; un projet couvrant plusieurs départements compte dans chacun." : ".") +
        partial
      );
    }

    /** map-chart keys departments by INSEE code, regions by its own keys (page.ts says which). */
    function chartKey(code) {
      return state.level === "reg" ? ref.chartRegionKeys[code] : code;
    }
    function territoryOfKey(key) {
      if (state.level === "dep") return key;
      return Object.keys(ref.chartRegionKeys).find(function (code) {
        return ref.chartRegionKeys[code] === key;
      });
    }

    // map-chart renders in a shadow root, where the page's sheets (DSFR, MapChart.css) do not
    // apply: the same sheets, fetched from this origin, are adopted by the shadow root
    // (constructed style sheets, allowed by the page's style-src 'self' policy).
    var shadowSheets = null;
    function styleShadow(chart) {
      if (!chart.shadowRoot || !("adoptedStyleSheets" in chart.shadowRoot) || typeof CSSStyleSheet !== "function") return;
      shadowSheets =
        shadowSheets ||
        Promise.all(
          config.chartStyles.map(function (href) {
            return fetch(href)
              .then(function (r) {
                return r.text();
              })
              .then(function (css) {
                var sheet = new CSSStyleSheet();
                sheet.replaceSync(css.replace(/@import[^;]+;/g, ""));
                return sheet;
              });
          }),
        );
      shadowSheets
        .then(function (sheets) {
          chart.shadowRoot.adoptedStyleSheets = sheets;
        })
        .catch(function () {
          /* unstyled map: the table keeps the figures */
        });
    }

    function drawMap(figures) {
      var data = {};
      var national = 0;
      figures.forEach(function (f) {
        if (f.figure.value === null) return;
        data[chartKey(f.territory.code)] = f.figure.value;
        national += cents(f.figure.value);
      });
      var chart = document.createElement("map-chart");
      chart.setAttribute("data", JSON.stringify(data));
      // France's figure: a laureate covering several departments counts once
      if (state.figure === "laureats")
        national =
          100 *
          lines.filter(function (l) {
            return l.kind === "laureate" && kept(l) && counted(l);
          }).length;
      chart.setAttribute("value", state.figure === "financements" ? money(national / 100) : String(national / 100));
      chart.setAttribute("name", figureTitle());
      chart.setAttribute("date", String(state.year));
      chart.setAttribute("level", state.level);
      replace("carte-france", chart);
      styleShadow(chart);
    }

    function drawTable(figures) {
      replace(
        "figures",
        table(
          figureTitle() + ", " + (state.level === "reg" ? "par région" : "par département") + ", " + state.year,
          [state.level === "reg" ? "Région" : "Département", "Valeur", "Projets"],
          figures.map(function (f) {
            return [
              f.territory.name + " (" + f.territory.code + ")",
              h("span", { className: "figure-value", text: f.figure.text }),
              h("button", {
                className: "fr-btn fr-btn--sm fr-btn--tertiary",
                type: "button",
                "data-territory": f.territory.code,
                "aria-label": "Voir les projets : " + f.territory.name,
                text: "Voir",
                onclick: function () {
                  choose(f.territory.code, true);
                },
              }),
            ];
          }),
          "territory-figures",
        ),
      );
    }

    function draw() {
      var figures = territories().map(function (t) {
        return { territory: t, figure: figureOf(t.code) };
      });
      document.getElementById("map-note").textContent = note();
      drawMap(figures);
      drawTable(figures);
      if (state.territory) listProjects(state.territory, false);
      else replace("projects", h("p", { text: "Choisissez un territoire sur la carte ou dans le tableau." }));
      updateUrl();
      document.body.setAttribute("data-source", state.source || "toutes");
      document.body.setAttribute("data-loaded", state.level + "-" + state.year + "-" + state.figure);
    }

    function choose(code, focus) {
      state.territory = code;
      updateUrl();
      listProjects(code, focus);
    }

    /** Lines of one dossier grouped: a co-financed project shows each funder and amount. */
    function listProjects(code, focus) {
      var territory = territories().find(function (t) {
        return t.code === code;
      });
      if (!territory) return;
      var mine = lines.filter(function (l) {
        return kept(l) && inTerritory(l, code);
      });
      var groups = [];
      var byRef = {};
      mine.forEach(function (l) {
        if (l.ref && byRef[l.ref]) {
          byRef[l.ref].lines.push(l);
          return;
        }
        var group = { ref: l.ref, title: l.title, structure: l.structure, lines: [l] };
        if (l.ref) byRef[l.ref] = group;
        groups.push(group);
      });
      var heading = "Projets de " + territory.name + " (" + territory.code + ") en " + state.year;
      replace(
        "projects",
        h("p", { className: "projects-heading fr-text--lead", text: heading + " : " + groups.length + " projet(s) ou subvention(s)" }),
        h(
          "p",
          null,
          h("a", {
            className: "fr-link fr-link--download",
            id: "projects-csv",
            href: csvUrl(code),
            download: "",
            text: "Télécharger la liste (CSV)",
          }),
        ),
        groups.length === 0
          ? h("p", { text: "Aucun projet ni subvention enregistré pour ces critères." })
          : h("ul", { className: "project-list" }, groups.map(projectCard)),
      );
      document.body.setAttribute("data-territory", code);
      if (focus) document.getElementById("projets").focus();
    }

    /** The laureates' CSV export with this view's filters (the parameters /exports/laureats.csv reads). */
    function csvUrl(code) {
      var query = "?annee=" + state.year + (state.level === "reg" ? "&region=" : "&departement=") + encodeURIComponent(code);
      if (state.axis) query += "&axes=" + encodeURIComponent(state.axis);
      return config.paths.exports + query;
    }

    function projectCard(group) {
      var axes = [];
      group.lines.forEach(function (l) {
        l.axes.forEach(function (a) {
          if (axes.indexOf(a) < 0) axes.push(a);
        });
      });
      return h(
        "li",
        { className: "project fr-p-2w fr-mb-2w", "data-ref": group.ref || group.lines[0].id },
        h("h3", { className: "fr-h6 fr-mb-1w" }, group.ref ? projectLink(group.ref, group.title) : group.title),
        h("p", { className: "fr-mb-1v" }, "Structure : ", structureLink(group.structure)),
        h("p", { className: "fr-mb-1v" }, "Axes : ", axes.length ? axes.map(axisLabel).join(" ; ") : "non renseignés"),
        h(
          "ul",
          { className: "funding-lines" },
          group.lines.map(function (l) {
            return h(
              "li",
              null,
              label(ref.sources, l.source) + " : ",
              h("span", { className: "line-amount", text: money(l.amount) }),
              " — ",
              h("span", { className: "line-status", text: label(ref.statuses, l.status) }),
            );
          }),
        ),
      );
    }

    function load() {
      read();
      updateUrl();
      showError("");
      document.body.removeAttribute("data-loaded");
      var year = state.year;
      var pending = [];
      if (loadedYear !== year)
        pending.push(
          data.year(year).then(function (answer) {
            if (year !== state.year) return;
            regions = answer.regions;
            lines = answer.lines;
            maisons = answer.maisons;
            yearMessages = answer.messages;
            loadedYear = year;
          }),
        );
      if (state.level === "dep" && state.figure === "financements" && !departmentFinancing[year])
        pending.push(
          data.departments(year).then(function (answer) {
            departmentFinancing[year] = answer;
          }),
        );
      var status = document.getElementById("status");
      if (pending.length) status.textContent = "Chargement des territoires pour " + year + "…";
      return Promise.all(pending)
        .then(function () {
          if (year !== state.year) return; // another year was chosen meanwhile: its own load draws
          var messages = yearMessages.concat(state.level === "dep" && departmentFinancing[year] ? departmentFinancing[year].messages : []);
          if (messages.length)
            showError(
              messages
                .filter(function (m, i) {
                  return messages.indexOf(m) === i;
                })
                .join(" ; "),
              true,
            );
          status.textContent = "Carte de " + year + " affichée : " + figureTitle() + ".";
          draw();
        })
        .catch(function (error) {
          status.textContent = "";
          showError(error.message);
        });
    }

    // A click on a territory of the chart (its paths are classed FR-<INSEE code>) lists its
    // projects. Caught on the way down and stopped there: map-chart's own click zooms on the
    // territory, and its zoom (dsfr-chart 2.0.4, createChart) calls getBBox() on a null element
    // and leaves the map empty; the list below the map is what the click is for here.
    // map-chart draws in a shadow root: the path clicked is the first of the composed path (at
    // this level, event.target is the map-chart element itself).
    document.getElementById("carte-france").addEventListener(
      "click",
      function (event) {
        var target = event.composedPath ? event.composedPath()[0] : event.target;
        var className = target && target.getAttribute ? target.getAttribute("class") || "" : "";
        var match = /(?:^|\s)FR-(\w+)/.exec(className);
        if (!match) return;
        event.stopPropagation();
        var code = territoryOfKey(match[1]);
        if (code) choose(code, false);
      },
      true,
    );
    document.getElementById("carte-france").addEventListener(
      "dblclick",
      function (event) {
        event.stopPropagation();
      },
      true,
    );
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      load();
    });
    Object.keys(fields).forEach(function (key) {
      document.getElementById(fields[key]).addEventListener("change", function () {
        if (key === "level") state.territory = "";
        load();
      });
    });
    load();
  }

  // ------------------------------------------------------------------ dossier and structure pages

  function financingBlock(financing, subject) {
    replace("total-financements", financingTotal(financing));
    replace(
      "sources",
      table(
        "Financements croisés par source, " + subject,
        ["Source", "Montant"],
        financing.bySource
          .filter(function (l) {
            return l.amount > 0;
          })
          .map(function (l) {
            return [label(ref.sources, l.source), money(l.amount)];
          }),
        "sources-table",
      ),
      financing.funders ? h("p", null, "Financeurs : " + (financing.funders.length ? financing.funders.join(", ") : "aucun")) : null,
    );
  }

  function dossierPage() {
    var status = document.getElementById("status");
    status.textContent = "Chargement…";
    var request =
      config.page === "project" ? graphql("CoFinancedProject", { ref: config.key }) : graphql("StructureFinancing", { siret: config.key });
    request
      .then(function (data) {
        var rows = [];
        if (config.page === "project") {
          var project = data.project;
          if (!project) throw new Error("dossier inconnu : " + config.key);
          financingBlock(project.crossFinancing, "dossier " + project.ref);
          project.healthProjects.forEach(function (p) {
            rows.push(["ARS (FIR)", String(p.year), structureLink(p.structure), money(p.amount)]);
          });
          project.socialProjects.forEach(function (p) {
            rows.push(["DREETS (P304)", String(p.year), structureLink(p.structure), money(p.amount)]);
          });
          project.parentalityGrants.forEach(function (g) {
            rows.push(["CAF (" + label(ref.sources, g.fund) + ")", String(g.year), "—", money(g.amount)]);
          });
          replace(
            "lines",
            table("Lignes de financement du dossier " + project.ref, ["Financeur", "Année", "Structure", "Montant"], rows, "lines-table"),
          );
        } else {
          var s = data.structure;
          if (!s) throw new Error("structure inconnue : " + config.key);
          replace("titre", (s.name || "Structure sans nom") + " (SIRET " + s.siret + ")");
          document.title = (s.name || "Structure") + " — 1000 premiers jours";
          financingBlock(s.crossFinancing, s.name || s.siret);
          s.healthProjects.forEach(function (p) {
            rows.push([p.title, "ARS (FIR)", String(p.year), label(ref.statuses, p.status), money(p.amount)]);
          });
          s.socialProjects.forEach(function (p) {
            rows.push([p.title, "DREETS (P304)", String(p.year), label(ref.statuses, p.status), money(p.amount)]);
          });
          s.parentalityGrants.forEach(function (g) {
            rows.push([
              "Subvention de la CAF " + g.department.code,
              label(ref.sources, g.fund),
              String(g.year),
              "Attribué",
              money(g.amount),
            ]);
          });
          replace(
            "lines",
            table(
              "Ce que chaque financeur finance pour " + (s.name || s.siret),
              ["Ligne", "Financeur", "Année", "État", "Montant"],
              rows,
              "lines-table",
            ),
          );
        }
        status.textContent = "Données affichées.";
        document.body.setAttribute("data-loaded", config.key);
      })
      .catch(function (error) {
        status.textContent = "";
        showError(error.message);
      });
  }

  if (config.page === "map") mapPage();
  else dossierPage();
})();
