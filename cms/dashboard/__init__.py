"""Regional figures: the dashboard of the regional centres (ROPS) and the public summary.

``figures`` counts (the one place that defines what each number means),
``charts`` draws them, ``export`` writes them to CSV and XLSX, ``views``
shows them: the full dashboard to regional centres, numbers only to everyone.
"""
