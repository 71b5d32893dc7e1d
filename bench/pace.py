"""Simulated learners: how long one waits between two requests, so that concurrent learners do not move in
step, and running them all at once."""

import random
import threading
import time


def at_once(target, arguments):
    """Call ``target(*args)`` for each of ``arguments``, each in a thread of its own, all at once; returns the
    seconds until the last has returned."""
    threads = [threading.Thread(target=target, args=args) for args in arguments]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


class Pace:
    """``pause`` seconds on average between two requests of one learner, drawn between half and one and a half
    times it, and a first wait drawn up to ``pause`` so that the learners start at different moments. With no
    pause every learner sends its next request as soon as the last is answered: the server at saturation."""

    def __init__(self, pause, seed):
        self.pause = pause
        self.random = random.Random(seed)

    def start(self):
        if self.pause:
            time.sleep(self.random.uniform(0, self.pause))

    def between(self):
        if self.pause:
            time.sleep(self.random.uniform(self.pause / 2, self.pause * 1.5))


def pauses(text):
    """The ``--pauses`` option: seconds, comma-separated (``0,1``)."""
    try:
        values = [float(value) for value in text.split(",")]
    except ValueError as error:
        raise ValueError(f"--pauses: seconds separated by commas, not {text!r}") from error
    if not values or any(value < 0 for value in values):
        raise ValueError(f"--pauses: seconds separated by commas, not {text!r}")
    return values
