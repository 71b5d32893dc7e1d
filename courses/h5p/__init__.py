"""H5P activities in lessons: checking and unpacking ``.h5p`` files, the player, the learner's saved state."""
