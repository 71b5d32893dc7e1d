"""The demo site: content in data files (``<app>/demo/<language>.yaml``) read by :mod:`lms.core.demo.loader`."""
