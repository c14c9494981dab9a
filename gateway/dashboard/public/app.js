/*
 * Tableau de bord des 1000 premiers jours. Plain browser script, no dependency: it sends the
 * contract's operations (RegionDashboard, MaisonsBoard) unchanged to the gateway's /graphql and
 * draws what they return. Every text from the graph goes through textContent, never innerHTML.
 */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("dashboard-config").textContent);
  var ref = config.reference;
  var SVG_NS = "http://www.w3.org/2000/svg";
  var dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" });
  var shareFormat = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });

  var form = document.getElementById("filters");
  var regionSelect = document.getElementById("region");
  var yearSelect = document.getElementById("annee");
  var statusBox = document.getElementById("status");
  var errorBox = document.getElementById("error");
  var pending = null;

  // ------------------------------------------------------------------ small helpers

  var h = hubPages.h,
    append = hubPages.append,
    replace = hubPages.replace,
    cents = hubPages.cents,
    money = hubPages.money;
  function moneyOfCents(total) {
    return money(total / 100);
  }
  function isoDate(value) {
    return value ? dateFormat.format(new Date(value + "T00:00:00Z")) : "non précisée";
  }

  function label(dictionary, code) {
    return dictionary[code] || code;
  }
  function regionName(code) {
    var region = ref.regions.find(function (r) {
      return r.code === code;
    });
    return region ? region.name : code;
  }
  function axisBadges(axes) {
    if (!axes || axes.length === 0) return h("span", { className: "muted", text: "non renseignés" });
    return axes.map(function (code) {
      var axis = ref.axes.find(function (a) {
        return a.code === code;
      });
      return h("abbr", {
        className: "fr-badge fr-badge--sm fr-badge--blue-ecume badge",
        title: axis ? axis.label : code,
        text: axis ? "Axe " + axis.number : code,
      });
    });
  }

  function table(caption, headers, rows, footer, className) {
    var numeric = headers.map(function (header) {
      return /^(Montant|Total|Part)/.test(header);
    });
    // DSFR table markup (fr-table > wrapper > container > content > table)
    return h(
      "div",
      { className: "fr-table fr-table--sm table-wrap" + (className ? " " + className : "") },
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
              footer
                ? h(
                    "tfoot",
                    null,
                    h(
                      "tr",
                      null,
                      h("th", { scope: "row", colspan: String(headers.length - 1), text: footer[0] }),
                      h("td", { className: "num" }, footer[1]),
                    ),
                  )
                : null,
            ),
          ),
        ),
      ),
    );
  }

  function scdlLink(kind, territory, year, text) {
    return h(
      "p",
      { className: "download" },
      h("a", {
        className: "fr-link fr-link--download",
        href: config.exportsPath + "/scdl/" + kind + "/" + encodeURIComponent(territory) + ".csv?annee=" + year,
        download: "",
        text: text,
      }),
    );
  }

  function definitionList(pairs) {
    return h(
      "dl",
      { className: "facts" },
      pairs.map(function (pair) {
        return h("div", null, h("dt", { text: pair[0] }), h("dd", null, pair[1]));
      }),
    );
  }

  // ------------------------------------------------------------------ the graph

  function graphql(operationName, variables, signal) {
    return fetch(config.graphqlPath, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: config.operations[operationName], variables: variables, operationName: operationName }),
      signal: signal,
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
        // a partial answer (a funder down) is shown, flagged: only an answer without data is a failure
        if (messages.length && !body.data) throw new Error(messages.join(" ; "));
        if (body.data) body.data.__partialMessages = messages;
        return body.data;
      });
  }

  // ------------------------------------------------------------------ cross-financing

  function renderCrossFinancing(region, year) {
    var financing = region.crossFinancing;
    if (!financing) {
      replace("total-financements", "indisponible");
      replace(
        "chart",
        h("p", {
          className: "warning",
          text: "Financements croisés indisponibles pour " + region.name + " en " + year + " : le total n'a pas pu être calculé.",
        }),
      );
      replace("sources");
      return;
    }
    // a null total means a funder did not answer: the sum of the others is not the total (schema/README.md)
    var complete = financing.total !== null;
    var lines = financing.bySource.filter(function (line) {
      return line.amount > 0;
    });
    var partialCents = lines.reduce(function (sum, line) {
      return sum + cents(line.amount);
    }, 0);
    replace(
      "total-financements",
      complete ? money(financing.total) : "incomplet",
      complete
        ? null
        : h("span", {
            className: "partial-total",
            text: " (un financeur n'a pas répondu : la somme des autres, " + moneyOfCents(partialCents) + ", n'est qu'une partie du total)",
          }),
    );
    if (lines.length === 0) {
      replace("chart", h("p", { className: "muted", text: "Aucun financement enregistré pour " + region.name + " en " + year + "." }));
      replace("sources");
      return;
    }
    replace("chart", barChart(lines, region.name + ", " + year));
    replace(
      "sources",
      table(
        "Financements croisés par source, " + region.name + ", " + year + (complete ? "" : " (incomplets)"),
        ["Source", "Part", "Montant"],
        lines.map(function (line) {
          return [
            label(ref.sources, line.source),
            complete ? shareFormat.format(cents(line.amount) / cents(financing.total)) : "—",
            money(line.amount),
          ];
        }),
        complete
          ? ["Total", money(financing.total)]
          : ["Somme partielle (total incomplet : un financeur n'a pas répondu)", moneyOfCents(partialCents)],
      ),
    );
  }

  /** Horizontal bars, one per source, drawn in SVG; the table below gives the same figures. */
  function barChart(lines, subject) {
    var rowHeight = 34,
      labelWidth = 250,
      barMax = 430,
      amountWidth = 140,
      top = 8;
    var width = labelWidth + barMax + amountWidth,
      height = top * 2 + rowHeight * lines.length;
    var max = Math.max.apply(
      null,
      lines.map(function (l) {
        return l.amount;
      }),
    );
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-labelledby", "chart-title chart-desc");
    svg.setAttribute("class", "bars");
    var title = document.createElementNS(SVG_NS, "title");
    title.id = "chart-title";
    title.textContent = "Financements croisés par source, " + subject;
    var desc = document.createElementNS(SVG_NS, "desc");
    desc.id = "chart-desc";
    desc.textContent = lines
      .map(function (l) {
        return label(ref.sources, l.source) + " : " + money(l.amount);
      })
      .join(" ; ");
    svg.appendChild(title);
    svg.appendChild(desc);
    lines.forEach(function (line, i) {
      var y = top + i * rowHeight;
      var barWidth = Math.max(2, Math.round((line.amount / max) * barMax));
      svg.appendChild(svgText(labelWidth - 10, y + rowHeight / 2, label(ref.sources, line.source), "end"));
      var bar = document.createElementNS(SVG_NS, "rect");
      bar.setAttribute("x", String(labelWidth));
      bar.setAttribute("y", String(y + 6));
      bar.setAttribute("width", String(barWidth));
      bar.setAttribute("height", String(rowHeight - 12));
      bar.setAttribute("class", "bar");
      svg.appendChild(bar);
      svg.appendChild(svgText(labelWidth + barWidth + 8, y + rowHeight / 2, money(line.amount), "start"));
    });
    return svg;
  }

  function svgText(x, y, content, anchor) {
    var text = document.createElementNS(SVG_NS, "text");
    text.setAttribute("x", String(x));
    text.setAttribute("y", String(y));
    text.setAttribute("dominant-baseline", "middle");
    text.setAttribute("text-anchor", anchor);
    text.textContent = content;
    return text;
  }

  // ------------------------------------------------------------------ calls and laureates

  function renderCalls(region, year) {
    var sides = [
      { key: "healthCalls", title: "Volet santé (ARS, FIR)", funder: "ARS", slug: "sante" },
      {
        key: "socialCalls",
        title: "Volet social (" + (region.overseas ? "DEETS" : "DREETS") + ", programme 304 action 17)",
        funder: "DREETS",
        slug: "social",
      },
    ];
    replace(
      "calls",
      sides.map(function (side) {
        var calls = region[side.key];
        if (!calls)
          return h(
            "div",
            { className: "side", id: "calls-" + side.slug },
            h("h3", { text: side.title }),
            h("p", { className: "warning", text: "Données indisponibles : le financeur de ce volet n'a pas répondu." }),
          );
        return h(
          "div",
          { className: "side", id: "calls-" + side.slug },
          h("h3", { text: side.title }),
          scdlLink(
            side.funder.toLowerCase(),
            region.code,
            year,
            "Subventions " +
              year +
              (side.funder === "ARS" ? " de l'ARS" : region.overseas ? " de la DEETS" : " de la DREETS") +
              " au format SCDL (CSV)",
          ),
          calls.length === 0
            ? h("p", { className: "muted", text: "Aucun appel à projets de ce volet en " + year + " pour " + region.name + "." })
            : calls.map(function (call) {
                return renderCall(call);
              }),
        );
      }),
    );
  }

  function renderCall(call) {
    var reached = cents(call.awarded) >= cents(call.minimumAward);
    return h(
      "article",
      { className: "card fr-p-3w fr-mb-3w", "aria-labelledby": "call-" + call.id },
      h("h4", { id: "call-" + call.id, text: call.title }),
      definitionList([
        ["Appel commun ARS-DREETS", call.joint ? "oui" : "non"],
        ["Axes retenus", axisBadges(call.axes)],
        ["Enveloppe du volet", money(call.envelope)],
        ["Total attribué aux lauréats", h("span", { className: "call-awarded", text: money(call.awarded) })],
        [
          "Dotation minimale (instruction)",
          money(call.minimumAward) + (call.joint ? " pour les deux volets ensemble" : reached ? " : atteinte" : " : non atteinte"),
        ],
        ["Date limite de dépôt", isoDate(call.deadline)],
        ["Résultats attendus", isoDate(call.resultsDue)],
      ]),
      call.projects.length === 0
        ? h("p", { className: "muted", text: "Aucun lauréat enregistré." })
        : table(
            "Lauréats de l'appel (" + call.projects.length + ")",
            ["Projet", "Structure porteuse", "Départements", "Axes", "État", "Montant"],
            call.projects.map(function (project) {
              return [
                project.title,
                h(
                  "span",
                  null,
                  project.structure.name || "Structure sans nom",
                  h("br"),
                  h("span", { className: "siret", text: "SIRET " + project.structure.siret }),
                ),
                project.departments
                  .map(function (d) {
                    return d.code;
                  })
                  .join(", "),
                axisBadges(project.axes),
                h("span", {
                  className:
                    "fr-badge fr-badge--sm fr-badge--no-icon status-" +
                    project.status.toLowerCase() +
                    (project.status === "WITHDRAWN" ? " fr-badge--warning" : " fr-badge--success"),
                  text: label(ref.statuses, project.status),
                }),
                money(project.amount),
              ];
            }),
            ["Total attribué (projets retirés exclus)", money(call.awarded)],
          ),
    );
  }

  // ------------------------------------------------------------------ CAF grants

  function renderCafGrants(region, year) {
    var regionCents = 0;
    var missing = false;
    var blocks = region.departments.map(function (department) {
      var grants = department.parentalityGrants;
      if (!grants) {
        missing = true;
        return h(
          "div",
          { className: "department", id: "caf-" + department.code },
          h("h3", { text: department.code + " – " + department.name }),
          h("p", { className: "warning", text: "Subventions de la CAF indisponibles : la CAF n'a pas répondu." }),
        );
      }
      var departmentCents = grants.reduce(function (sum, g) {
        return sum + cents(g.amount);
      }, 0);
      regionCents += departmentCents;
      return h(
        "div",
        { className: "department", id: "caf-" + department.code },
        h("h3", { text: department.code + " – " + department.name }),
        grants.length === 0
          ? null
          : scdlLink("caf", department.code, year, "Subventions " + year + " de la CAF " + department.code + " au format SCDL (CSV)"),
        grants.length === 0
          ? h("p", { className: "muted", text: "Aucune subvention de la CAF enregistrée en " + year + "." })
          : table(
              "Subventions de la CAF " + department.code + " en " + year,
              ["Structure", "SIRET", "Fonds", "Axes", "Montant"],
              grants.map(function (grant) {
                return [
                  grant.structure.name || "Structure sans nom",
                  h("span", { className: "siret", text: grant.structure.siret }),
                  label(ref.sources, grant.fund),
                  axisBadges(grant.axes),
                  money(grant.amount),
                ];
              }),
              ["Total " + department.name, h("span", { className: "department-total", text: moneyOfCents(departmentCents) })],
            ),
      );
    });
    replace(
      "total-caf",
      missing
        ? "incomplet (la CAF n'a pas répondu ; somme des départements affichés : " + moneyOfCents(regionCents) + ")"
        : moneyOfCents(regionCents),
    );
    replace("caf-departments", blocks);
  }

  // ------------------------------------------------------------------ Maisons board

  function renderMaisons(territories, selectedRegion) {
    if (!territories)
      return replace(
        "maisons-board",
        h("p", { className: "warning", text: "Tableau des Maisons indisponible : le sous-graphe des Maisons n'a pas répondu." }),
      );
    replace(
      "maisons-board",
      territories.map(function (territory) {
        var code = territory.region.code;
        return h(
          "div",
          { className: "territory" + (code === selectedRegion ? " selected" : ""), id: "territoire-" + code },
          h(
            "h3",
            null,
            territory.region.name,
            code === selectedRegion ? h("span", { className: "muted", text: " (région sélectionnée)" }) : null,
          ),
          h("p", {
            className: territory.hasLabelledProject ? "flag ok" : "flag",
            text: territory.hasLabelledProject ? "Au moins un projet labellisé" : "Aucun projet labellisé pour l'instant",
          }),
          territory.projects.length === 0
            ? h("p", { className: "muted", text: "Aucun projet soumis." })
            : territory.projects.map(renderMaison),
        );
      }),
    );
  }

  function renderMaison(project) {
    var grid = ref.criteria.map(function (criterion) {
      var assessed = project.assessment.criteria.find(function (c) {
        return c.code === criterion.code;
      });
      var met = assessed ? assessed.met : null;
      return [
        criterion.label,
        criterion.group + " – " + criterion.heading,
        h("span", {
          className: met === true ? "yes" : met === false ? "no" : "muted",
          text: met === true ? "Oui" : met === false ? "Non" : "Non évalué",
        }),
      ];
    });
    return h(
      "article",
      { className: "card fr-p-3w fr-mb-3w", "aria-labelledby": "maison-" + project.id },
      h("h4", { id: "maison-" + project.id, text: project.title }),
      definitionList([
        [
          "Décision",
          h("span", { className: "decision decision-" + project.decision.toLowerCase(), text: label(ref.decisions, project.decision) }),
        ],
        ["Étape", label(ref.phases, project.phase)],
        [
          "Porteurs",
          h(
            "ul",
            { className: "plain" },
            project.carriers.map(function (carrier, i) {
              return h(
                "li",
                null,
                (carrier.name || "Structure sans nom") + (i === 0 ? " (chef de file)" : ""),
                " ",
                h("span", { className: "siret", text: "SIRET " + carrier.siret }),
              );
            }),
          ),
        ],
        ["Grille de l'annexe 2", project.assessment.met + " critère(s) rempli(s) sur " + project.assessment.total],
        ["Budget prévisionnel total", h("span", { className: "maison-budget", text: money(project.budgetTotal) })],
      ]),
      h(
        "details",
        null,
        h("summary", { text: "Grille de labellisation et budget de « " + project.title + " »" }),
        table("Grille de labellisation (annexe 2)", ["Critère", "Rubrique", "Rempli"], grid, null, "grid"),
        table(
          "Budget prévisionnel par année et source",
          ["Année", "Source", "Montant"],
          project.budget.map(function (line) {
            return [String(line.year), label(ref.sources, line.source), money(line.amount)];
          }),
          ["Total", money(project.budgetTotal)],
          "budget",
        ),
      ),
    );
  }

  // ------------------------------------------------------------------ loading

  function selection() {
    return { region: regionSelect.value, year: Number(yearSelect.value) };
  }

  function setBusy(busy) {
    ["financements", "appels", "caf", "maisons"].forEach(function (id) {
      document.getElementById(id).setAttribute("aria-busy", busy ? "true" : "false");
    });
  }

  /** A partial answer: what is shown is flagged, and the missing data named (the gateway's French messages). */
  function showPartial(messages) {
    var box = document.getElementById("partial");
    box.hidden = messages.length === 0;
    box.textContent = messages.length
      ? "Données partielles : " +
        messages
          .filter(function (m, i) {
            return messages.indexOf(m) === i;
          })
          .join(" ; ") +
        " Les totaux concernés sont signalés comme incomplets."
      : "";
  }

  function showError(message) {
    errorBox.hidden = !message;
    errorBox.textContent = message ? "Les données n'ont pas pu être chargées : " + message : "";
  }

  function updateLinks(year) {
    var link = document.getElementById("export-laureates");
    link.href = config.exportsPath + "/laureats.csv?annee=" + year;
    link.textContent = "Lauréats " + year + " (CSV)";
  }

  function load() {
    var current = selection();
    if (pending) pending.abort();
    var controller = new AbortController();
    pending = controller;
    var name = regionName(current.region);
    statusBox.textContent = "Chargement de " + name + " pour " + current.year + "…";
    showError("");
    showPartial([]);
    setBusy(true);
    history.replaceState(null, "", "?region=" + encodeURIComponent(current.region) + "&annee=" + current.year);
    document.title = name + ", " + current.year + " — Tableau de bord des 1000 premiers jours";
    updateLinks(current.year);
    return Promise.all([
      graphql("RegionDashboard", { region: current.region, year: current.year }, controller.signal),
      graphql("MaisonsBoard", {}, controller.signal),
    ])
      .then(function (results) {
        if (pending !== controller) return;
        var region = results[0].region;
        if (!region) throw new Error("région inconnue : " + current.region);
        renderCrossFinancing(region, current.year);
        renderCalls(region, current.year);
        renderCafGrants(region, current.year);
        renderMaisons(results[1].maisonTerritories, current.region);
        showPartial(results[0].__partialMessages.concat(results[1].__partialMessages));
        statusBox.textContent = "Données de " + region.name + " pour " + current.year + " affichées.";
        document.body.setAttribute("data-loaded", current.region + "-" + current.year);
      })
      .catch(function (error) {
        if (error.name === "AbortError" || pending !== controller) return;
        statusBox.textContent = "";
        showError(error.message);
      })
      .then(function () {
        if (pending === controller) {
          pending = null;
          setBusy(false);
        }
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    load();
  });
  regionSelect.addEventListener("change", load);
  yearSelect.addEventListener("change", load);
  load();
})();
