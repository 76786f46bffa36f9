"""The one filter bar every data page shows; its state lives in the URL query string.

options (the choices, pure) is the floor; layout builds the bar from them; callbacks (registered
once by create_app) keeps the controls, the URL and the shell's links in step.

A page uses it in three steps (dashboard/pages/overview/page.py is the model):
    def layout(**query):
        search = filter_state.from_kwargs(query)          # the URL query the page opened with
        state = filter_state.from_query(search)
        options = data.filter_options()
        return html.Div([filter_bar(state, options, search), ...content...])

    @dash.callback(Output(...), Input(FilterBar.URL, "search"))
    def render(search): state = from_query(search); ...one data call...; ...one figure...

Changing a control writes the new query into the page's own dcc.Location (refresh=False): the
address bar changes and a history entry is added without re-rendering the page, and the page's
callbacks re-run from the new query. Back/forward re-render the page from the URL (Dash Pages),
so the controls follow. The shell's language buttons and navigation links are rewritten to carry
the filters, in the browser (assets/shell_links.js), so switching language or page keeps the view.
"""
