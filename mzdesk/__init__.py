"""mzdesk (民政桌面): a desktop client for nursing homes and children's welfare homes."""

__version__ = "0.1.0"
