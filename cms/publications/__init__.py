"""What regional centres and OWES publish: news, guides and events (the page models are in
cms.models.publications): the events list and its calendar, the feeds, the sections, the site
search's part and the demo's publications."""
