"""Measured quality: gold files, the scorers, the peers (spaCy NER, textacy,
dateparser) and the runs of newsbook and the peers on gold."""
