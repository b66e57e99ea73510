// Draws each chart of the page from its Vega-Lite spec (a JSON script element) with
// vega-embed, served by the app itself (/vega.js). Marks link to article sentences.
document.querySelectorAll("script.chart-spec").forEach(function (source) {
  var target = document.getElementById(source.dataset.target);
  window.vegaEmbed(target, JSON.parse(source.textContent),
                   { renderer: "svg", actions: false, loader: { target: "_self" } })
    .catch(function (error) { target.textContent = "The chart could not be drawn: " + error; });
});
