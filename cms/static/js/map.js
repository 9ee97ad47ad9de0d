/* The partnership map: Leaflet markers (clustered) and partnership lines drawn from the
 * features the page already holds. The list beside the map is rendered by the server;
 * when a filter changes, the page is fetched again and both the list and the features
 * are swapped in, so the map and the list always show the same places. */
(function () {
    "use strict";

    if (!window.L || !L.markerClusterGroup || !window.KooperacjaMap) {
        return; // The list alone still shows every place.
    }

    var config = JSON.parse(document.getElementById("map-config").textContent);
    var labels = config.labels;
    var form = document.getElementById("map-filters");
    var list = document.getElementById("map-list");
    var container = document.getElementById("map");
    var tilesFailed = document.getElementById("map-tiles-failed");
    var loadFailed = document.getElementById("map-load-failed");
    var status = document.getElementById("map-status");
    var POLAND = KooperacjaMap.POLAND;
    var LETTERS = config.letters;

    var map = KooperacjaMap.baseMap(container, config, POLAND, tilesFailed);
    var clusters = L.markerClusterGroup({
        showCoverageOnHover: false,
        iconCreateFunction: KooperacjaMap.clusterIcon,
    }).addTo(map);
    var lines = L.layerGroup().addTo(map);
    var markers = {};

    function text(value) {
        var span = document.createElement("span");
        span.textContent = value == null ? "" : String(value);
        return span.innerHTML;
    }

    function popup(properties) {
        var parts = [
            '<p class="map-popup__name"><a href="' + text(properties.url) + '">' + text(properties.name) + "</a></p>",
            "<p>" + text(labels.kinds[properties.kind]) + (properties.city ? " · " + text(properties.city) : "") + "</p>",
        ];
        if (properties.status) {
            parts.push("<p>" + text(labels.statuses[properties.status] || properties.status) + "</p>");
        }
        if (properties.capabilities && properties.capabilities.length) {
            parts.push("<p>" + properties.capabilities.map(function (code) {
                return text(labels.capabilities[code] || code);
            }).join(", ") + "</p>");
        }
        return parts.join("");
    }

    function icon(kind) {
        return KooperacjaMap.pin(kind, LETTERS[kind]);
    }

    function midpoint(coordinates) {
        return [
            (coordinates[0][1] + coordinates[1][1]) / 2,
            (coordinates[0][0] + coordinates[1][0]) / 2,
        ];
    }

    function draw(collection) {
        clusters.clearLayers();
        lines.clearLayers();
        markers = {};
        var bounds = [];
        collection.features.forEach(function (feature) {
            var properties = feature.properties;
            var geometry = feature.geometry;
            var where;
            if (geometry.type === "LineString") {
                var ends = geometry.coordinates.map(function (c) { return [c[1], c[0]]; });
                L.polyline(ends, { className: "map-line", weight: 3, dashArray: "6 6" })
                    .bindPopup(popup(properties))
                    .addTo(lines);
                where = properties.location
                    ? [properties.location[1], properties.location[0]]
                    : midpoint(geometry.coordinates);
                bounds.push(ends[0], ends[1]);
            } else {
                where = [geometry.coordinates[1], geometry.coordinates[0]];
                bounds.push(where);
            }
            var marker = L.marker(where, {
                icon: icon(properties.kind),
                title: properties.name + " (" + labels.kinds[properties.kind] + ")",
                keyboard: true,
            }).bindPopup(popup(properties));
            markers[feature.id] = marker;
            clusters.addLayer(marker);
        });
        return bounds;
    }

    function frame(bounds, narrowed) {
        if (narrowed && bounds.length) {
            map.fitBounds(bounds, { padding: [24, 24], maxZoom: 11 });
        } else {
            map.setView(POLAND.center, POLAND.zoom);
        }
    }

    function show(id, button) {
        var marker = markers[id];
        if (!marker) {
            return;
        }
        container.scrollIntoView({ block: "nearest" });
        clusters.zoomToShowLayer(marker, function () {
            marker.openPopup();
            var link = marker.getPopup().getElement().querySelector("a");
            if (link) {
                link.focus();
            }
            marker.once("popupclose", function () {
                button.focus();
            });
        });
    }

    function enhanceList() {
        list.querySelectorAll("li[data-feature]").forEach(function (item) {
            if (!markers[item.dataset.feature]) {
                return;
            }
            var button = document.createElement("button");
            button.type = "button";
            button.className = "link-button map-places__show";
            button.textContent = labels.showOnMap;
            button.setAttribute("aria-describedby", item.dataset.feature + "-name");
            item.querySelector("a").id = item.dataset.feature + "-name";
            button.addEventListener("click", function () {
                show(item.dataset.feature, button);
            });
            item.appendChild(document.createTextNode(" "));
            item.appendChild(button);
        });
    }

    function narrowed() {
        var data = new FormData(form);
        return Boolean(data.get("capability") || data.get("voivodeship"));
    }

    function render() {
        var collection = JSON.parse(document.getElementById("map-features").textContent);
        frame(draw(collection), narrowed());
        enhanceList();
    }

    function refresh() {
        var query = new URLSearchParams(new FormData(form)).toString();
        var address = window.location.pathname + (query ? "?" + query : "");
        loadFailed.hidden = true;
        list.setAttribute("aria-busy", "true");
        fetch(address, { headers: { Accept: "text/html" } })
            .then(function (response) {
                return response.text().then(function (body) {
                    return { ok: response.ok || response.status === 400, body: body };
                });
            })
            .then(function (result) {
                if (!result.ok) {
                    throw new Error("failed");
                }
                // A <template> keeps the fetched page inert: its <style>, whose nonce belongs to
                // that other response, is never applied (DOMParser's document would try, and the
                // Content-Security-Policy would report it).
                var page = document.createElement("template");
                page.innerHTML = result.body;
                list.innerHTML = page.content.getElementById("map-list").innerHTML;
                window.history.replaceState(null, "", address);
                render();
                // The list was replaced; say what it holds now, in the live region beside it.
                status.textContent = document.getElementById("map-list-heading").textContent;
            })
            .catch(function () {
                loadFailed.textContent = labels.loadFailed;
                loadFailed.hidden = false;
            })
            .finally(function () {
                list.removeAttribute("aria-busy");
            });
    }

    // Leaflet closes popups on Escape only while the map itself has focus; a keyboard
    // user sent to a popup from the list is on its link, so close it from there too.
    container.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
            map.closePopup();
        }
    });
    form.addEventListener("change", refresh);
    form.addEventListener("submit", function (event) {
        event.preventDefault();
        refresh();
    });
    render();

    // A profile's "show on the map" link names its place after the #: open it there.
    var named = markers[decodeURIComponent(window.location.hash.slice(1))];
    if (named) {
        clusters.zoomToShowLayer(named, function () {
            named.openPopup();
        });
    }
})();
