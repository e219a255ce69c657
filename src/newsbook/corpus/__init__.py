"""Many articles: readers of folders and tables, engines that run the pipeline over
them, sinks that write the tables, and the linking of entities across articles."""
