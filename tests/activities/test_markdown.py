from activities.markdown import render_markdown


def test_markdown_renders_emphasis_and_links():
    html = render_markdown("Some **bold** and a [link](https://www.coe.int/).")
    assert "<strong>bold</strong>" in html
    assert '<a href="https://www.coe.int/" rel="noopener noreferrer">link</a>' in html


def test_markdown_strips_scripts_event_handlers_and_javascript_links():
    html = render_markdown(
        '<script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3))'
    )
    assert "<script" not in html
    assert "onerror" not in html
    assert "javascript:" not in html
