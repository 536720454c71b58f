"""Plan rows from the tables of each page, and canonical records from plan rows."""
