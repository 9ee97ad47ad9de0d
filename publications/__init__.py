"""What regional centres and OWES publish: news, guides and events, moderated like profiles."""
