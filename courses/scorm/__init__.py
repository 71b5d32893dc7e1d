"""SCORM 1.2 and SCORM 2004 packages: the manifest, the runtime's commits and what they mean for progress."""
