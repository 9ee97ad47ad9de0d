/* What every map of the site draws alike (the map page, the home page's overview, a profile's
 * point): the base map with labelled zoom buttons, the background tiles that may fail without
 * breaking anything, the lettered pins and the clusters. Words come from the site's script
 * translations (the JavaScript catalog, loaded before this file), so a cluster of two says
 * "2 miejsca" and one of five "5 miejsc". */
(function () {
    "use strict";

    if (!window.L) {
        return;
    }

    // "2 places", with the plural form the page's language needs (Polish has three for whole
    // numbers: 1 miejsce, 2–4 and 22–24 miejsca, 5–21 and 25–31 miejsc).
    function placesLabel(count) {
        return interpolate(ngettext("%(count)s place", "%(count)s places", count), { count: count }, true);
    }

    // The map in ``container``, shown, at ``view`` ({center, zoom}), with the tiles of
    // ``config`` ({tileUrl, attribution}); ``tilesFailed`` (an element, may be null) is
    // shown when a tile cannot be loaded: the pins and the page's words still tell all.
    function baseMap(container, config, view, tilesFailed, options) {
        container.hidden = false;
        var map = L.map(container, L.extend({ zoomControl: false }, options || {}));
        map.setView(view.center, view.zoom);
        L.control.zoom({ zoomInTitle: gettext("Zoom in"), zoomOutTitle: gettext("Zoom out") }).addTo(map);
        var tiles = L.tileLayer(config.tileUrl, { attribution: config.attribution, maxZoom: 18 });
        tiles.on("tileerror", function () {
            if (tilesFailed) {
                tilesFailed.hidden = false;
            }
        });
        tiles.addTo(map);
        return map;
    }

    // A round pin in the kind's colour (site.css and the page's layer styles) with its letter,
    // so colour is never the only cue.
    function pin(kind, letter) {
        return L.divIcon({
            html: '<span aria-hidden="true">' + letter + "</span>",
            className: "map-pin map-pin--" + kind,
            iconSize: L.point(28, 28),
            popupAnchor: L.point(0, -10),
        });
    }

    // A cluster shows its number; a screen reader hears "2 miejsca".
    function clusterIcon(cluster) {
        var count = cluster.getChildCount();
        var size = count < 10 ? 36 : count < 100 ? 44 : 52;
        return L.divIcon({
            html: '<span aria-hidden="true">' + count + '</span><span class="visually-hidden">' + placesLabel(count) + "</span>",
            className: "map-cluster",
            iconSize: L.point(size, size),
        });
    }

    window.KooperacjaMap = {
        POLAND: { center: [52.07, 19.48], zoom: 6 },
        placesLabel: placesLabel,
        baseMap: baseMap,
        pin: pin,
        clusterIcon: clusterIcon,
    };
})();
