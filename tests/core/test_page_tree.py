from wagtail.models import Page

from lms.core.models import HomePage, StandardPage


def test_home_page_sits_at_the_root_only(home):
    assert HomePage.can_create_at(Page.get_first_root_node())
    assert not HomePage.can_create_at(home)


def test_standard_pages_nest_under_home_and_each_other(home):
    assert StandardPage.can_create_at(home)
    about = StandardPage(title="About", slug="about")
    home.add_child(instance=about)
    assert StandardPage.can_create_at(about)
    assert not StandardPage.can_create_at(Page.get_first_root_node())


def test_noindex_pages_leave_the_sitemap(home, rf):
    hidden = StandardPage(title="Hidden", slug="hidden", noindex=True)
    home.add_child(instance=hidden)
    assert hidden.get_sitemap_urls(rf.get("/")) == []
    assert home.get_sitemap_urls(rf.get("/"))
