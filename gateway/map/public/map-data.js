/*
 * What the map page asks the graph for a year, and the lines it lists: RegionDashboard for every
 * region (each a contract operation unchanged) with MaisonsBoard, and the departments'
 * cross-financing (MapDepartmentFinancing: the contract has no department figure). A partial
 * answer (a funder down) is kept with its messages: the page draws it, flagged. Loaded after
 * dom.js, before pages.js; exposes window.mapData.
 */
(function () {
  "use strict";

  /** Laureates (ARS, DREETS) and CAF grants, one line each, from the regions' dashboards. */
  function collect(regionList, sourceLabels) {
    var all = [];
    regionList.forEach(function (region) {
      [
        ["healthCalls", "ARS", "FIR"],
        ["socialCalls", "DREETS", "P304_17"],
      ].forEach(function (side) {
        (region[side[0]] || []).forEach(function (call) {
          call.projects.forEach(function (p) {
            all.push({
              kind: "laureate",
              funder: side[1],
              source: side[2],
              id: p.id,
              title: p.title,
              amount: p.amount,
              axes: p.axes || [],
              status: p.status,
              structure: p.structure,
              ref: p.project ? p.project.ref : null,
              region: region.code,
              departments: (p.departments || []).map(function (d) {
                return d.code;
              }),
              call: call.title,
            });
          });
        });
      });
      (region.departments || []).forEach(function (department) {
        (department.parentalityGrants || []).forEach(function (g) {
          all.push({
            kind: "grant",
            funder: "CAF",
            source: g.fund,
            id: g.id,
            title: "Subvention de la CAF " + department.code + " (" + (sourceLabels[g.fund] || g.fund) + ")",
            amount: g.amount,
            axes: g.axes || [],
            status: "AWARDED",
            structure: g.structure,
            ref: null,
            region: region.code,
            departments: [department.code],
          });
        });
      });
    });
    return all;
  }

  function messagesOf(answers) {
    return answers.reduce(function (all, data) {
      return all.concat(data.__partialMessages || []);
    }, []);
  }

  function create(graphql, ref) {
    return {
      /** { regions: code -> region, lines, maisons, messages } of a year. */
      year: function (year) {
        var codes = ref.regions.map(function (r) {
          return r.code;
        });
        var results = {};
        var next = 0;
        // a few regions at a time: 18 RegionDashboard calls
        function worker() {
          if (next >= codes.length) return Promise.resolve();
          var code = codes[next++];
          return graphql("RegionDashboard", { region: code, year: year })
            .then(function (data) {
              results[code] = data;
            })
            .then(worker);
        }
        return Promise.all([graphql("MaisonsBoard", {}), worker(), worker(), worker(), worker()]).then(function (all) {
          var regions = {};
          codes.forEach(function (c) {
            if (results[c].region) regions[c] = results[c].region;
          });
          return {
            regions: regions,
            lines: collect(
              codes
                .map(function (c) {
                  return regions[c];
                })
                .filter(Boolean),
              ref.sources,
            ),
            maisons: all[0].maisonTerritories || [],
            messages: messagesOf(
              [all[0]].concat(
                codes.map(function (c) {
                  return results[c];
                }),
              ),
            ),
          };
        });
      },
      /** { byCode: department code -> crossFinancing, messages } of a year, in one request. */
      departments: function (year) {
        return graphql("MapDepartmentFinancing", { year: year }).then(function (data) {
          var byCode = {};
          (data.departments || []).forEach(function (d) {
            byCode[d.code] = d.crossFinancing;
          });
          return { byCode: byCode, messages: messagesOf([data]) };
        });
      },
    };
  }

  window.mapData = { create: create };
})();
