/*
 * What the map's "Financements croisés" colours, in the browser: every source (the graph's
 * crossFinancing.total), one funding source or one family of funders (the sum of its lines of
 * crossFinancing.bySource, in integer cents). The families come from the page's configuration
 * (gateway/map/sources.ts). Loaded after dom.js, before pages.js; exposes window.mapSources.
 */
(function () {
  "use strict";

  var cents = hubPages.cents;

  function create(financingRef) {
    /** The sources a choice adds up; [] for every source. */
    function sourcesOf(choice) {
      if (!choice) return [];
      return financingRef.families[choice] || [choice];
    }

    return {
      sourcesOf: sourcesOf,
      label: function (choice) {
        return financingRef.choiceLabels[choice || ""] || choice;
      },
      /** Whether the lines the page lists (laureates, CAF grants) can carry a source of the choice. */
      inLines: function (choice) {
        var wanted = sourcesOf(choice);
        return (
          wanted.length === 0 ||
          wanted.some(function (s) {
            return financingRef.lineSources.indexOf(s) >= 0;
          })
        );
      },
      /** Whether a line's source is one the choice keeps. */
      keeps: function (choice, source) {
        var wanted = sourcesOf(choice);
        return wanted.length === 0 || wanted.indexOf(source) >= 0;
      },
      /**
       * A territory's crossFinancing for a choice: { euros } or { partial: true }. A null total
       * (a funder did not answer) stays partial whatever the choice: its bySource lacks that
       * funder's lines, and the sum of the others is not the figure.
       */
      figure: function (financing, choice) {
        if (!financing || financing.total === null || financing.total === undefined) return { partial: true };
        var wanted = sourcesOf(choice);
        if (wanted.length === 0) return { euros: financing.total };
        var sum = financing.bySource.reduce(function (total, line) {
          return wanted.indexOf(line.source) >= 0 ? total + cents(line.amount) : total;
        }, 0);
        return { euros: sum / 100 };
      },
    };
  }

  window.mapSources = { create: create };
})();
