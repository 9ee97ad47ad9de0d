/* Small maps beside words that already say everything: the home page's overview of the
 * directory (its pins from the map's GeoJSON endpoint) and a profile's own point. Each
 * element with data-small-map names the JSON block of its settings:
 *   {tileUrl, attribution, colours: {kind: colour}, letters: {kind: letter},
 *    point: [lat, lon], kind, name}                      a single place, or
 *   {..., features: "/api/v1/map.geojson?…", kinds: {kind: label}, prefix: "/en"}
 * Without JavaScript, or when the features cannot be fetched, the page keeps its link to
 * the full map, which has the list of every place. */
(function () {
    "use strict";

    if (!window.L || !window.KooperacjaMap) {
        return;
    }

    function text(value) {
        var span = document.createElement("span");
        span.textContent = value == null ? "" : String(value);
        return span.innerHTML;
    }

    // The pin of ``kind``, in its colour (set through the DOM: the Content-Security-Policy
    // refuses style attributes written as text).
    function pinned(where, kind, config, options) {
        var marker = L.marker(where, L.extend({ icon: KooperacjaMap.pin(kind, config.letters[kind]) }, options));
        marker.on("add", function () {
            marker.getElement().style.background = config.colours[kind];
        });
        return marker;
    }

    function onePlace(container, config, tilesFailed) {
        var map = KooperacjaMap.baseMap(container, config, { center: config.point, zoom: 12 }, tilesFailed);
        pinned(config.point, config.kind, config, { title: config.name, alt: config.name, keyboard: false, interactive: false }).addTo(map);
    }

    // Where a feature is: a point, or for a partnership line the place of its work (else the
    // middle of the line).
    function position(feature) {
        var geometry = feature.geometry;
        if (geometry.type === "Point") {
            return [geometry.coordinates[1], geometry.coordinates[0]];
        }
        var at = feature.properties.location;
        if (at) {
            return [at[1], at[0]];
        }
        var ends = geometry.coordinates;
        return [(ends[0][1] + ends[1][1]) / 2, (ends[0][0] + ends[1][0]) / 2];
    }

    function overview(container, config, tilesFailed) {
        var map = KooperacjaMap.baseMap(container, config, KooperacjaMap.POLAND, tilesFailed, { scrollWheelZoom: false });
        var clusters = L.markerClusterGroup({
            showCoverageOnHover: false,
            iconCreateFunction: KooperacjaMap.clusterIcon,
        }).addTo(map);
        fetch(config.features, { headers: { Accept: "application/geo+json" } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(response.status);
                }
                return response.json();
            })
            .then(function (collection) {
                collection.features.forEach(function (feature) {
                    var properties = feature.properties;
                    var label = config.kinds[properties.kind];
                    // The endpoint speaks the default language; this page's may have a prefix.
                    var url = config.prefix + properties.url;
                    pinned(position(feature), properties.kind, config, { title: properties.name + " (" + label + ")", keyboard: true })
                        .bindPopup('<p class="map-popup__name"><a href="' + text(url) + '">' + text(properties.name) + "</a></p><p>" + text(label) + "</p>")
                        .addTo(clusters);
                });
            })
            .catch(function () {
                container.hidden = true; // the link to the full map stays
            });
    }

    document.querySelectorAll("[data-small-map]").forEach(function (container) {
        var config = JSON.parse(document.getElementById(container.dataset.smallMap).textContent);
        var tilesFailed = document.getElementById(container.id + "-tiles-failed");
        if (config.features) {
            if (L.markerClusterGroup) {
                overview(container, config, tilesFailed);
            }
        } else {
            onePlace(container, config, tilesFailed);
        }
    });
})();
