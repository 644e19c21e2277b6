"""Presidio-compatible REST service and web playground (``presidio-gliner2 serve``).

``create_app`` is imported on first use so that the CLI's other commands never pay for FastAPI.
"""

__all__ = ["create_app", "Settings"]


def __getattr__(name):
    if name == "create_app":
        from presidio_gliner2.server.app import create_app

        return create_app
    if name == "Settings":
        from presidio_gliner2.server.settings import Settings

        return Settings
    raise AttributeError(name)
