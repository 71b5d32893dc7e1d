"""Progress reports for hub hosts and administrators, in the Wagtail admin.

``scope`` decides what a user may see, ``filters`` reads the request, ``queries`` computes the numbers,
``exports`` streams them as CSV or XLSX, ``charts`` draws the course chart, ``views`` serves them.
"""
